#!/usr/bin/env python3
"""Builds src/main/resources/org/trek/account/common-passwords.txt, the list of common and breached passwords that
the password policy refuses (NIST SP 800-63B §5.1.1.2).

Source (npm registry package, pinned; fetched with `npm pack`, nothing else is downloaded):
  @zxcvbn-ts/language-common@4.1.3  src/passwords.json: the most frequent passwords of Mark Burnett's / xato.net's
  10 million password corpus (leaked credentials), as selected by zxcvbn (Dropbox); MIT licence.

Kept: every entry, lower-cased (the policy compares lower-cased), trimmed, de-duplicated, in the source's order
(most frequent first), one a line, UTF-8.

Run from the project root:  python3 src/build/build-common-passwords.py
"""
import json
import os
import subprocess
import tarfile
import tempfile

SPEC = "@zxcvbn-ts/language-common@4.1.3"
OUT = os.path.join("src", "main", "resources", "org", "trek", "account", "common-passwords.txt")


def main():
    with tempfile.TemporaryDirectory() as work:
        name = subprocess.run(["npm", "pack", SPEC, "--silent"], cwd=work, check=True, capture_output=True,
                              text=True).stdout.strip().splitlines()[-1]
        with tarfile.open(os.path.join(work, name)) as t:
            t.extractall(work)
        with open(os.path.join(work, "package", "src", "passwords.json"), encoding="utf-8") as f:
            source = json.load(f)
    seen = []
    known = set()
    for entry in source:
        word = entry.strip().lower()
        if word and "\n" not in word and word not in known:
            known.add(word)
            seen.append(word)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(seen) + "\n")
    print(f"{OUT}: {len(seen)} passwords")


if __name__ == "__main__":
    main()
