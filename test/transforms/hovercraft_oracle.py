#!/usr/bin/python3
"""The doctree Hovercraft 2.7 gets from docutils, as pseudo-XML.

    hovercraft_oracle.py --out DIR FILE...

writes DIR/STEM.hovercraft.pxml for each FILE. Hovercraft's ``rst2xml``
(hovercraft/parse.py) publishes with docutils' standalone reader, whose
``misc.Transitions`` it swaps for ``HovercraftTransitions``, and the XML
writer (which adds ``universal.Messages`` and ``FilterMessages``), at
docutils' default settings (doctitle and docinfo promotion on,
report_level 2). Here the reader simply drops ``misc.Transitions``: deck's
split stage applies Hovercraft's transition rules itself, so the tree
``parse(..., {mode: 'publish', hovercraft: true})`` gives is the tree before
them. The rest (input handling, registries reset per file, no file
insertion, no syntax highlighting, nothing written to stderr) is the
corpus oracle's, ../shared/tools/rst_oracle.py.
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', '..', 'shared', 'tools'))

import rst_oracle  # noqa: E402
from docutils.core import Publisher  # noqa: E402
from docutils.io import StringInput, StringOutput  # noqa: E402
from docutils.readers.standalone import Reader  # noqa: E402
from docutils.transforms.misc import Transitions  # noqa: E402
from docutils.writers.docutils_xml import Writer  # noqa: E402


class ReaderWithoutTransitions(Reader):
    def get_transforms(self):
        return [t for t in Reader.get_transforms(self) if t is not Transitions]


def publish(text, source_name):
    rst_oracle._reset_registries()
    try:
        publisher = Publisher(reader=ReaderWithoutTransitions(), writer=Writer(),
                              source_class=StringInput,
                              destination_class=StringOutput)
        publisher.set_components(None, 'restructuredtext', None)
        overrides = rst_oracle._settings({'_disable_config': True}, report_level=2)
        publisher.process_programmatic_settings(None, overrides, None)
        publisher.set_source(text, source_name)
        publisher.set_destination(None, None)
        publisher.publish()
        return publisher.document.pformat()
    finally:
        rst_oracle._reset_registries()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', required=True, metavar='DIR')
    ap.add_argument('files', nargs='+', metavar='FILE')
    args = ap.parse_args()
    failed = 0
    for path in args.files:
        try:
            output = publish(rst_oracle.read_source(path), os.path.basename(path))
        except Exception as err:  # docutils itself failed: no reference
            failed += 1
            print(f'FAILED {path}: {type(err).__name__}: {err}', file=sys.stderr)
            continue
        with open(os.path.join(args.out, rst_oracle.stem_of(path) + '.hovercraft.pxml'),
                  'w', encoding='utf-8', newline='\n') as f:
            f.write(output)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
