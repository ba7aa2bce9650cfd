"""Requests handled in batches by the database workers: ballot papers that arrive while earlier ones are being
recorded are recorded together, in one unit of work (a room of 800 voting within a second makes a few commits, not
800); state reads likewise, in one session."""

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Generic, TypeVar

from workshop_desk.domain.phones import ContributionError
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import BallotPaper, Mark
from workshop_desk.i18n import speaking
from workshop_desk.services.phones import PhoneService

T = TypeVar("T")
R = TypeVar("R")


class Batches(Generic[T, R]):
    """Requests waiting for a database worker, handled a batch at a time by `work` (which answers each, a result
    or an exception, in order); the next batch gathers while one is handled. One wake-up of the event loop and one
    unit of work per batch, not per request."""

    def __init__(self, work: Callable[[list[T]], list[R | Exception]], most: int = 1000) -> None:
        self._work, self._most = work, most  # at most `most` requests per batch
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._draining = False
        self._task: asyncio.Task[None] | None = None  # held: a task nobody holds may be collected mid-way

    async def ask(self, executor: Executor, request: T) -> R:
        """`request`'s answer (or its exception), once its batch has been handled."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[R] = loop.create_future()
        self._waiting.append((request, answer))
        if not self._draining:
            self._draining = True
            self._task = loop.create_task(self._drain(executor))
        return await answer

    async def _drain(self, executor: Executor) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[:self._most], self._waiting[self._most:]
                requests = [request for request, _answer in batch]
                try:
                    answers = await loop.run_in_executor(executor, self._work, requests)
                except Exception as error:
                    answers = [error] * len(batch)
                for (_request, answer), result in zip(batch, answers, strict=True):
                    if answer.done():
                        continue  # the phone went away
                    if isinstance(result, Exception):
                        answer.set_exception(result)
                    else:
                        answer.set_result(result)
        finally:
            self._draining = False


@dataclass(frozen=True)
class PaperSent:
    """One phone's POST of a paper."""

    phones: PhoneService
    sitting_id: int
    ballot_id: int
    marks: tuple[Mark, ...]
    device: str
    participant_id: int | None
    language: str  # of the phone: a refusal's detail is in it


Answer = BallotPaper | Exception


def record(batch: list[PaperSent]) -> list[Answer]:
    """In the database worker: each ballot of the batch read once, each paper checked in its phone's language,
    the good ones recorded in one unit of work per ballot; an answer (the paper or the error) for each."""
    phones = batch[0].phones
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
