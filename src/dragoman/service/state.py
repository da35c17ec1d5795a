"""What the routes share: the reader, the one writer, the token, and the actor counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dragoman.service.actors import ActorIndex
from dragoman.service.intake import Intake
from dragoman.service.reader import Reader


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
