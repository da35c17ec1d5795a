"""What the routes share: the reader, the one writer, the token, and the /actors cache."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from dragoman.service.intake import Intake
from dragoman.service.reader import Reader


@dataclass(frozen=True, slots=True)
class ActorCount:
    name: str | None
    country: str | None
    sector: str | None
    events: int
    roles: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector, "events": self.events,
                "roles": self.roles}  # fmt: skip


class ActorIndex:
    """Actor counts over the whole store, recomputed only when events were added since.

    Counting needs a pass over every actor row (about 2.5 per event), too slow to repeat per request
    at a million events, so the result is kept until ``Reader.change_marker`` moves.
    """

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._lock = threading.Lock()
        self._marker: tuple[int, int] | None = None
        self._actors: list[ActorCount] = []

    def actors(self) -> list[ActorCount]:
        marker = self._reader.change_marker()
        with self._lock:
            if marker != self._marker:
                self._actors = self._count()
                self._marker = marker
            return self._actors

    def _count(self) -> list[ActorCount]:
        totals, by_role = self._reader.actor_counts()
        roles: dict[tuple[Any, ...], dict[str, int]] = {}
        for name, country, sector, role, n in by_role:
            roles.setdefault((name, country, sector), {})[role or "unknown"] = n
        found = [ActorCount(name, country, sector, n, roles.get((name, country, sector), {}))
                 for name, country, sector, n in totals]  # fmt: skip
        found.sort(key=lambda a: (-a.events, (a.name or "").lower(), a.country or "", a.sector or ""))
        return found


@dataclass(slots=True, kw_only=True)
class ServiceState:
    reader: Reader
    intake: Intake
    token: str | None
    actors: ActorIndex = field(init=False)
    max_body: int = 5_000_000

    def __post_init__(self) -> None:
        self.actors = ActorIndex(self.reader)


def state_of(request: Any) -> ServiceState:
    return request.app.state.dragoman  # type: ignore[no-any-return]
