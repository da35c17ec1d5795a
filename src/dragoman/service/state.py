"""What the routes share: the reader, the one writer and the token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dragoman.service.intake import Intake
from dragoman.service.reader import Reader


@dataclass(slots=True, kw_only=True)
class ServiceState:
    reader: Reader
    intake: Intake
    token: str | None
    max_body: int = 5_000_000


def state_of(request: Any) -> ServiceState:
    return request.app.state.dragoman  # type: ignore[no-any-return]
