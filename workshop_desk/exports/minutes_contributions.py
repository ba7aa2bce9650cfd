"""The minutes' contributions per agenda item: ideas by theme, speakers, questions, and each ballot's result."""

from collections import defaultdict

from workshop_desk.domain.ballot_texts import provenance, provisional_note
from workshop_desk.domain.enums import ItemKind
from workshop_desk.domain.ideas import Idea, Question, split_questions
from workshop_desk.domain.report import BallotReport, SittingReport
from workshop_desk.domain.speaking import spoken_seconds
from workshop_desk.domain.vote_methods import method_label, method_spec
from workshop_desk.exports import docx_base as base
from workshop_desk.exports.minutes_methods import RESULT_TABLES
from workshop_desk.exports.minutes_sections import Minutes, minutes, number


def contributions(m: Minutes, report: SittingReport, level: int) -> None:
    """For each agenda item (then what belongs to none): ideas by theme, speakers, questions, ballot results."""
    _ = m._
    keys = [*(item.id for item in report.items), None]
    titles: dict[int | None, str] = {item.id: item.title for item in report.items}
    ideas, turns, questions, ballots = (defaultdict(list) for _n in range(4))
    known = set(titles)
    for idea in report.ideas:
        if idea.merged_into_id is None and not idea.hidden:
            ideas[idea.agenda_item_id if idea.agenda_item_id in known else None].append(idea)
    for turn in report.turns:
        turns[turn.agenda_item_id if turn.agenda_item_id in known else None].append(turn)
    for question in report.questions:
        questions[question.agenda_item_id if question.agenda_item_id in known else None].append(question)
    for entry in report.ballots if m.options.wants("votes") else ():
        ballots[entry.ballot.agenda_item_id if entry.ballot.agenda_item_id in known else None].append(entry)
    kinds: dict[int | None, ItemKind] = {item.id: item.kind for item in report.items}
    notes: dict[int | None, str] = {item.id: item.notes.strip() for item in report.items}
    wanted = [key for key in keys if notes.get(key) or ideas[key] or turns[key] or questions[key] or ballots[key]]
    if not wanted:
        return
    m.heading(_("Contributions and results"), level)
    votes = report.idea_votes()
    for key in wanted:
        m.heading(titles.get(key) or _("Other contributions"), level + 1)
        for line in filter(None, (line.strip() for line in notes.get(key, "").splitlines())):
            m.paragraph(line)  # what the facilitator noted while the item ran, first
        _ideas(m, report, ideas[key], votes, level + 2)
        _speakers(m, turns[key], kinds.get(key) == ItemKind.ROUND_TABLE)
        _questions(m, questions[key])
        for entry in ballots[key]:
            ballot_result(m, entry)


def _ideas(m: Minutes, report: SittingReport, ideas: list[Idea], votes: dict[int, float], level: int) -> None:
    if not ideas:
        return
    _ = m._
    names = {theme.id: theme.name for theme in report.themes}
    by_theme: dict[int | None, list[Idea]] = defaultdict(list)
    for idea in ideas:
        by_theme[idea.theme_id if idea.theme_id in names else None].append(idea)
    order = [theme.id for theme in report.themes if by_theme.get(theme.id)] + ([None] if by_theme.get(None) else [])
    for theme_id in order:
        found = sorted(by_theme[theme_id], key=lambda i: (-votes.get(i.id, 0.0), i.id))
        title = names[theme_id] if theme_id is not None else _("Not in a theme")
        if len(order) > 1 or theme_id is not None:
            m.heading(title, min(level, 9))
        m.bullets([_idea_line(m, idea, votes) for idea in found])


def _idea_line(m: Minutes, idea: Idea, votes: dict[int, float]) -> str:
    if idea.id not in votes:
        return idea.text
    return m._("{text} ({votes} votes)").format(text=idea.text, votes=number(votes[idea.id], m.language))


def _speakers(m: Minutes, turns: list, round_table: bool) -> None:  # type: ignore[type-arg]
    spoken = [turn for turn in turns if turn.started_at is not None]
    if not spoken:
        return
    _ = m._
    m.paragraph(_("Speakers at the round table:") if round_table else _("Speakers:"))
    rows = [[turn.speaker_name if m.options.names_contributors else _("Speaker {number}").format(number=n),
             minutes(turn.allotted_seconds, m.language),
             minutes(spoken_seconds(turn, turn.ended_at or turn.started_at), m.language)]
            for n, turn in enumerate(spoken, start=1)]
    m.table([m.width - 2 * 32.0, 32.0, 32.0], [_("Speaker"), _("Allotted (min)"), _("Spoke (min)")], rows, figures=2)


def _questions(m: Minutes, questions: list[Question]) -> None:
    answered, open_ = split_questions(questions)
    _ = m._
    for label, found in ((_("Questions answered:"), answered), (_("Questions still open:"), open_)):
        if found:
            m.paragraph(label)
            m.bullets([_question_line(m, q) for q in found])


def _question_line(m: Minutes, question: Question) -> str:
    """The question, its votes, who asked it where contributions are named, and its answer on the lines below."""
    text = question.text if not question.votes else m._.n("{text} ({votes} vote)", "{text} ({votes} votes)",
                                                          question.votes).format(text=question.text,
                                                                                 votes=question.votes)
    if m.options.names_contributors and question.asked_by:
        text = f"{text} — {question.asked_by}"
    if not question.answer:
        return text
    return text + "\n" + m._("Answer: {answer}").format(answer=question.answer)



def ballot_result(m: Minutes, entry: BallotReport) -> None:
    """The ballot's method and provenance, its result table as its method draws it, and its chart of scores."""
    _ = m._
    ballot, result = entry.ballot, entry.result
    base.set_run_style(m.paragraph(_("Vote: {title} ({method})").format(
        title=ballot.title, method=method_label(ballot.method, _))).runs[0], m.styles.label)
    if not result.sources:
        m.paragraph(_("No vote was recorded."))
        return
    m.paragraph(provenance(ballot.method, result, _))
    note = provisional_note(ballot, _)
    if note:
        base.set_run_style(m.paragraph(note).runs[0], m.styles.label)
    RESULT_TABLES[ballot.method](m, entry)
    scored = [(row.label, row.score or 0.0) for row in result.rows if row.score is not None][:15]
    if scored and not method_spec(ballot.method).outcomes:  # outcomes (adopted, blocked) are not charted
        m.chart(scored)
