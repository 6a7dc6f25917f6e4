"""HSDS identifiers are UUIDv5 of our ids in the fixed namespace: consumers store them."""

from __future__ import annotations

import random
import uuid

from build_tools.exports.ids import NAMESPACE, hsds_id


def test_an_id_is_the_uuid5_of_its_kind_and_parts():
    rng = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyzäöüß-0123456789 :/"
    for _ in range(2000):
        parts = ["".join(rng.choice(letters) for _ in range(rng.randrange(0, 60)))
                 for _ in range(rng.randrange(0, 5))]
        expected = str(uuid.uuid5(NAMESPACE, ":".join(("attribute", *parts))))
        assert hsds_id("attribute", *parts) == expected


def test_the_namespace_and_an_id_never_change():
    # a consumer's stored id for the service of offer "tafel" (changing it breaks their links)
    assert hsds_id("service", "tafel") == "ebf27906-8614-5c8f-bc2b-db730ce4bd78"
    assert str(NAMESPACE) == "5b0c7f4e-2d1a-5e8b-9c3f-a7e4d2b1c0f9"
    assert uuid.UUID(hsds_id("service", "tafel")).version == 5
