/** A small deck with every presenter feature: substeps on paragraphs and lists, notes, header and footer, an image. */
export const FIXTURE_DECK = `:title: Rehearsal
:data-transition-duration: 300
:data-perspective: 2000

.. header:: Rehearsal — header

.. footer:: deck.example — footer

----

Opening
=======

.. class:: substep

First point

.. class:: substep

Second point

.. note:: Greet the room.

----

:id: lists

Lists
=====

.. class:: substep

* alpha
* beta
* gamma

.. note:: Say alpha, beta and gamma.

----

:data-rotate: 90

Turned
======

.. image:: logo.svg
   :alt: The deck logo
   :width: 200

----

:id: end

The end
=======
`;

export const FIXTURE_FILES = {
  'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#2b7bb9"/></svg>',
};
