#!/usr/bin/env python3
"""Print the build date (YYYY-MM-DD) that version texts carry.

The same tree gives the same date, so builds are reproducible: the
SOURCE_DATE_EPOCH of reproducible-builds.org if set, else the date of the
commit checked out, else (a tarball without git) today, in UTC."""
import datetime
import os
import subprocess
import sys


def main():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        when = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
        print(when.strftime("%Y-%m-%d"))
        return
    try:
        out = subprocess.run(["git", "-C", sys.argv[1], "log", "-1", "--format=%ct"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    when = (datetime.datetime.fromtimestamp(int(out), datetime.timezone.utc) if out.isdigit()
            else datetime.datetime.now(datetime.timezone.utc))
    print(when.strftime("%Y-%m-%d"))


main()
