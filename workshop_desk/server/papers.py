"""Group commit of ballot papers: those that arrive while the database worker records earlier ones are recorded
together, in one unit of work (a room of 800 voting within a second makes a few commits, not 800)."""

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field

from workshop_desk.domain.phones import ContributionError
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import BallotPaper, Mark
from workshop_desk.i18n import speaking
from workshop_desk.services.phones import PhoneService


@dataclass(frozen=True)
class PaperSent:
    """One phone's POST of a paper, waiting for its answer."""

    sitting_id: int
    ballot_id: int
    marks: tuple[Mark, ...]
    device: str
    participant_id: int | None
    language: str  # of the phone: a refusal's detail is in it
    answer: "asyncio.Future[BallotPaper]" = field(compare=False)


class PaperQueue:
    """Papers waiting for the database worker; one batch at a time is recorded, the next gathers meanwhile."""

    def __init__(self) -> None:
        self._waiting: list[PaperSent] = []
        self._draining = False
        self._task: asyncio.Task[None] | None = None  # held: a task nobody holds may be collected mid-way

    async def cast(self, phones: PhoneService, executor: Executor, sitting_id: int, ballot_id: int,
                   marks: tuple[Mark, ...], device: str, participant_id: int | None, language: str) -> BallotPaper:
        """The paper as recorded, once committed; the errors of `PhoneService.ballot_for_phones`, `phone_paper`
        and `record_papers`."""
        loop = asyncio.get_running_loop()
        sent = PaperSent(sitting_id, ballot_id, marks, device, participant_id, language, loop.create_future())
        self._waiting.append(sent)
        if not self._draining:
            self._draining = True
            self._task = loop.create_task(self._drain(phones, executor))
        return await sent.answer

    async def _drain(self, phones: PhoneService, executor: Executor) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                try:
                    answers: list[Answer] = await loop.run_in_executor(executor, record, phones, batch)
                except Exception as error:
                    answers = [error] * len(batch)
                for sent, answer in zip(batch, answers, strict=True):
                    if sent.answer.done():
                        continue  # the phone went away
                    if isinstance(answer, BaseException):
                        sent.answer.set_exception(answer)
                    else:
                        sent.answer.set_result(answer)
        finally:
            self._draining = False


Answer = BallotPaper | Exception


def record(phones: PhoneService, batch: list[PaperSent]) -> list[Answer]:
    """In the database worker: each ballot of the batch read once, each paper checked in its phone's language,
    the good ones recorded in one unit of work per ballot; an answer (the paper or the error) for each."""
    answers: dict[int, Answer] = {}
    for ballot_id in dict.fromkeys(sent.ballot_id for sent in batch):
        _record_ballot(phones, [(n, s) for n, s in enumerate(batch) if s.ballot_id == ballot_id], answers.__setitem__)
    return [answers[n] for n in range(len(batch))]


def _record_ballot(phones: PhoneService, sent: list[tuple[int, PaperSent]],
                   answer: Callable[[int, Answer], None]) -> None:
    try:
        ballot, mode = phones.ballot_for_phones(sent[0][1].sitting_id, sent[0][1].ballot_id)
    except (LookupError, ContributionError) as error:
        for n, _sent in sent:
            answer(n, error)
        return
    papers: list[tuple[int, BallotPaper]] = []
    for n, one in sent:
        with speaking(one.language):
            try:
                papers.append((n, phones.phone_paper(ballot, mode, one.marks, one.device, one.participant_id)))
            except (ContributionError, ValidationError) as error:
                answer(n, error)
    if not papers:
        return
    try:
        recorded = phones.record_papers(ballot.id, [paper for _n, paper in papers])
    except Exception as error:
        for n, _paper in papers:
            answer(n, error)
        return
    for (n, _paper), paper in zip(papers, recorded, strict=True):
        answer(n, paper)
