"""The `clean` command: argument handling (main), one document at a time (documents),
JSONL batches (batch, process, parallel pool and workers), folders, outputs and the
review formats."""
