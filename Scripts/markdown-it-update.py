#!/usr/bin/env python3
"""The reference for `insights update`: the same section replace, written the way a Python
user would write it with markdown-it-py. Parse the file, find the `##` heading token by its
title, take the section's lines from the token line maps (up to the next heading of the same
or a higher level at the top level), splice in the new body and a `Last updated:` line, and
write the file. With --durable, the file is written as `insights` writes it: a temporary file
in the same folder, flushed to disk, renamed over the file, and the folder flushed.

    markdown-it-update.py [--durable] FILE TITLE BODY_FILE DATE
"""
import os
import sys

from markdown_it import MarkdownIt


def main() -> None:
    arguments = sys.argv[1:]
    durable = arguments[0] == "--durable"
    if durable:
        arguments = arguments[1:]
    path, title, body_path, date = arguments[:4]
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(body_path, encoding="utf-8", newline="") as f:
        body = f.read()

    tokens = MarkdownIt("commonmark").parse(text)
    lines = text.splitlines(keepends=True)
    start = end = None
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.level != 0:
            continue
        level = int(token.tag[1:])
        if start is None:
            if level == 2 and " ".join(tokens[index + 1].content.split()) == title:
                start = token.map[1]
        elif level <= 2:
            end = token.map[0]
            break
    if start is None:
        sys.exit(f"section {title!r} not found")
    if end is None:
        end = len(lines)

    new = body if body.endswith("\n") else body + "\n"
    if not new.endswith("\n\n"):
        new += "\n"
    new += f"Last updated: {date}\n"
    if end < len(lines):
        new += "\n"
    # The blank lines between the heading and its text stay (one when the section had no text),
    # as insights keeps them.
    text = start
    while text < end and lines[text].strip() == "":
        text += 1
    blank = "".join(lines[start:text]) if text < end else "\n"
    lines[start:end] = [blank + new]
    if not durable:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("".join(lines))
        return
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as f:
        f.write("".join(lines))
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)
    folder = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


if __name__ == "__main__":
    main()
