"""The roles of one act, as roles.py and one_sided.py give them to the coder."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.coding.mentions import PlaceAt
from dragoman.model import Actor

__all__ = ["Roles"]


@dataclass(frozen=True, slots=True)
class Roles:
    source: Actor | None = None
    target: Actor | None = None
    participants: tuple[Actor, ...] = ()
    mediator: Actor | None = None
    venue: Actor | None = None  # a host that is only the venue ("Oman hosted the talks")
    subject: Actor | None = None  # who acts: the source, the mediator, the host, or a party
    destination: PlaceAt | None = None  # a visit's destination
    implied: bool = False  # an actor came from a trigger default or the place
    named: int = 0  # principal actors named in the sentence for this event
    # a trip to a meeting between others ("travel to Geneva ... at Tuesday's talks with the US"):
    # the meeting's span and CAMEO code (046 talks, 040 meeting); the event is that meeting
    purpose: tuple[int, int] | None = None
    purpose_cameo: str | None = None
