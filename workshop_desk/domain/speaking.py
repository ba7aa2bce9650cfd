"""Speaking turns at a round table or a plenary: who had the floor, and for how long."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpeakingTurn:
    id: int
    sitting_id: int
    position: int
    speaker_name: str
    allotted_seconds: int = 300
    participant_id: int | None = None
    agenda_item_id: int | None = None
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None

    @property
    def is_speaking(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def has_spoken(self) -> bool:
        return self.ended_at is not None


def spoken_seconds(turn: SpeakingTurn, now: dt.datetime) -> float:
    """Seconds the speaker has had the floor (so far, if still speaking)."""
    if turn.started_at is None:
        return 0.0
    return max(0.0, ((turn.ended_at or now) - turn.started_at).total_seconds())


def totals_by_speaker(turns: list[SpeakingTurn], now: dt.datetime) -> dict[str, float]:
    """Speaking time per speaker name, in order of first turn."""
    totals: dict[str, float] = {}
    for turn in turns:
        totals[turn.speaker_name] = totals.get(turn.speaker_name, 0.0) + spoken_seconds(turn, now)
    return totals


def totals_by_group(turns: list[SpeakingTurn], groups: dict[int, int | None],
                    now: dt.datetime) -> dict[int | None, float]:
    """Speaking time per stakeholder group (`groups`: participant id → group id; free names count as None)."""
    totals: dict[int | None, float] = defaultdict(float)
    for turn in turns:
        group = groups.get(turn.participant_id) if turn.participant_id is not None else None
        totals[group] += spoken_seconds(turn, now)
    return dict(totals)


def next_turn(turns: list[SpeakingTurn]) -> SpeakingTurn | None:
    """The first speaker on the list who has not spoken yet."""
    return next((turn for turn in turns if turn.started_at is None), None)
