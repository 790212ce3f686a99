"""The `clean` command, from the top:

main       the flow: parse, check, pick a mode; each failure one line and an exit code
args       the argument parser and the usage checks argparse cannot express
settings   what every document is cleaned with: one cleaner.options.Options plus the
           batch-only choices, built once from the arguments, sent to worker processes
documents, folders, batch    the modes: FILEs as documents, DIR -o OUTDIR, --jsonl records
parallel, workerproc, worker the --jsonl pool: the parent's loop, a worker's handle, its side
process, record, jsonscan    one JSONL record -> outcome, read without trusting it
inputs, output, progress     reading inputs, all-or-nothing outputs, the progress bar
review, listing              --explain / --format html, and --list-rules
exits      the bottom: the documented exit codes and the `clean: ...` line

No module imports one that imports it back (tests/layout/test_import_graph.py): the modes
report through exits.py, never through main.py.
"""
