from cleaner.cli.main import entry

entry()
