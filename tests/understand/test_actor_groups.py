"""Named armed groups read as their country's rebels (data/actors/groups.yaml)."""

from __future__ import annotations

import pytest

from tests.understand.mentioned import actors


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The Moro Islamic Liberation Front accused the army of breaking the truce.",
            ("The Moro Islamic Liberation Front", "PHL", "REB"),
        ),
        ("MILF commanders met government negotiators.", ("MILF commanders", "PHL", "REB")),
        ("Abu Sayyaf gunmen kidnapped three tourists.", ("Abu Sayyaf gunmen", "PHL", "REB")),
        ("The Tamil Tigers attacked a navy base.", ("The Tamil Tigers", "LKA", "REB")),
        ("Khmer Rouge guerrillas shelled the town.", ("Khmer Rouge guerrillas", "KHM", "REB")),
    ],
)
def test_named_armed_groups_are_their_countrys_rebels(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in actors(sentence), actors(sentence)
