#!/usr/bin/python3
"""The line docutils records on every element, in document order, as JSON.

    node_lines_oracle.py FILE...

prints {"STEM": ["tagname:line", ...], ...}: each element of the tree
``publish_doctree`` makes (``node.line``, the Python attribute docutils
gives messages about the node, not the ``line`` attribute of a system
message), None where docutils recorded none. Settings, input handling and
the registries reset per file are the corpus oracle's,
../shared/tools/rst_oracle.py, in its publish mode.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', '..', 'shared', 'tools'))

import rst_oracle  # noqa: E402
from docutils import core, nodes  # noqa: E402


def lines_of(text, source_name):
    rst_oracle._reset_registries()
    try:
        overrides = rst_oracle._settings(rst_oracle.PUBLISH_EXTRA)
        document = core.publish_doctree(source=text, source_path=source_name, settings_overrides=overrides)
        return ['%s:%s' % (node.tagname, node.line) for node in document.findall(nodes.Element)]
    finally:
        rst_oracle._reset_registries()


def main():
    out = {}
    for path in sys.argv[1:]:
        stem = os.path.splitext(os.path.basename(path))[0]
        try:
            out[stem] = lines_of(rst_oracle.read_source(path), os.path.basename(path))
        except Exception:  # docutils itself failed: nothing to compare
            continue
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
