"""The sentences that tell the facilitator why a file could not be opened or a change not saved, and who holds a
file: the one place these facts are phrased, for the console and the command line alike."""

from pathlib import Path

from workshop_desk.domain.clock import local, utc_now
from workshop_desk.i18n import _, format_date, format_time
from workshop_desk.storage.errors import ReadOnlyReason, StorageError, WriteProblem
from workshop_desk.storage.header import FileProblem, ProgrammeFileError
from workshop_desk.storage.lock import Owner
from workshop_desk.storage.wal import shm_path, wal_path

_UNTOUCHED = (FileProblem.NOT_SQLITE, FileProblem.FOREIGN, FileProblem.TRUNCATED, FileProblem.TOO_NEW,
              FileProblem.CORRUPT, FileProblem.NO_PROGRAMME, FileProblem.FOREIGN_LOG)


def describe_file_error(error: ProgrammeFileError) -> str:
    """Why the file was not opened, what to do, and (when it was examined) that it is untouched."""
    name, log, shm = error.path.name, wal_path(error.path).name, shm_path(error.path).name
    reasons = {
        FileProblem.MISSING: _("The file “{name}” does not exist (any more)."),
        FileProblem.DIRECTORY: _("“{name}” is a folder, not a programme file."),
        FileProblem.NO_PERMISSION: _("You are not allowed to read “{name}”. Ask whoever manages this computer or "
                                     "share to give you access, or copy the file somewhere of yours."),
        FileProblem.UNREADABLE: _("The file “{name}” cannot be read: {detail}"),
        FileProblem.NOT_SQLITE: _("“{name}” is not a Workshop Desk programme file."),
        FileProblem.FOREIGN: _("“{name}” is a database, but not a Workshop Desk programme file."),
        FileProblem.TRUNCATED: _("“{name}” is incomplete: the file was cut short, perhaps by an "
                                 "interrupted copy. Try a backup (File › Restore from backup)."),
        FileProblem.TOO_NEW: _("“{name}” was written by a newer version of Workshop Desk. "
                               "Update the app to open it."),
        FileProblem.CORRUPT: _("“{name}” is damaged and cannot be opened safely. "
                               "Try a backup (File › Restore from backup)."),
        FileProblem.NO_PROGRAMME: _("“{name}” holds no programme: its creation was interrupted before it was "
                                    "finished. Create the programme again, or try a backup."),
        FileProblem.FOREIGN_LOG: _("Beside “{name}” lies “{log}”, a journal of changes that was not written for "
                                   "this file (it was probably left by another copy of it). It was not applied. To "
                                   "open the file as it is, move “{log}” and “{shm}” to another folder, then open "
                                   "it again."),
        FileProblem.BUSY: _("“{name}” is being used by another program, which keeps it locked. Close that "
                            "program, then try again."),
        FileProblem.OPEN_ELSEWHERE: _("“{name}” is already open {owner}. Changes can only be made in one place at "
                                      "a time: you may open it read-only here."),
        FileProblem.LEFT_OPEN: _("“{name}” was last opened {owner} and was not closed properly (the app stopped "
                                 "or the computer went off). Nothing that was confirmed is lost. If it is not "
                                 "open anywhere else, you can open it now."),
    }
    owner = describe_owner(error.owner) if error.owner else _("in another window or on another computer")
    text = reasons[error.problem].format(name=name, detail=error.detail, log=log, shm=shm, owner=owner)
    if error.problem not in _UNTOUCHED:
        return text
    untouched = _("The file was left exactly as it was.")  # not inside the f-string: Babel would miss it
    return f"{text} {untouched}"


def describe_owner(owner: Owner) -> str:
    """'on LAPTOP-12 by marie since 14:02 today' (the date when not today)."""
    since = local(owner.since)
    when = format_time(since.time())
    if since.date() != local(utc_now()).date():
        when = _("{date} at {time}").format(date=format_date(since.date()), time=when)
    else:
        when = _("today at {time}").format(time=when)
    if owner.on_this_computer:
        return _("in another Workshop Desk window on this computer (since {when})").format(when=when)
    if owner.user:
        return _("on the computer “{host}” by {user} (since {when})").format(host=owner.host, user=owner.user,
                                                                          when=when)
    return _("on the computer “{host}” (since {when})").format(host=owner.host, when=when)


def describe_storage_error(error: StorageError) -> str:
    """Why a change was not saved, and what to do; the change is not shown as done."""
    not_saved = _("This change was not saved.")
    return f"{not_saved} {storage_reason(error)}"


def storage_reason(error: StorageError) -> str:
    """What the file or the disk refused, and what to do (the caller says what was not done)."""
    name = error.path.name
    reasons = {
        WriteProblem.BUSY: _("“{name}” is locked by another program, which kept it for more than a few seconds."),
        WriteProblem.READ_ONLY: _("“{name}” is open read-only."),
        WriteProblem.DISK_FULL: _("The disk that holds “{name}” is full. Free some space (or save a copy "
                                  "elsewhere with File › Save a copy), then do it again."),
        WriteProblem.IO: _("“{name}” could not be written: the disk or the USB stick did not answer. Check that "
                           "it is still connected, then do it again."),
        WriteProblem.CORRUPT: _("“{name}” turned out to be damaged. Save a copy, then use File › Restore from "
                                "backup."),
        WriteProblem.CONFLICT: _("The programme changed in the meantime, so this step no longer fits it."),
    }
    return reasons[error.problem].format(name=name)


def describe_os_error(error: OSError | StorageError, folder: Path) -> str:
    """Why a file could not be written in `folder` (a new programme, a copy, a document), and what to do."""
    import errno

    if isinstance(error, StorageError):
        return describe_storage_error(error)
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return _("You cannot write in the folder “{folder}” (it is read-only, or not yours). Choose another "
                 "folder.").format(folder=folder)
    if error.errno == errno.ENOSPC:
        return _("The disk is full. Free some space, or choose another disk.")
    if isinstance(error, FileNotFoundError):
        return _("The folder “{folder}” does not exist (any more). Choose another folder.").format(folder=folder)
    if isinstance(error, FileExistsError):
        return _("A file with this name already exists; choose another name.")
    return _("The disk refused to write: {reason}").format(reason=error.strerror or error)


def describe_read_only(reason: ReadOnlyReason) -> str:
    """The banner of a programme open read-only: why, and what still works."""
    reasons = {
        ReadOnlyReason.ASKED: _("Read-only: this programme is open elsewhere, so nothing can be changed here."),
        ReadOnlyReason.FILE: _("Read-only: this file cannot be written (it is marked read-only)."),
        ReadOnlyReason.FOLDER: _("Read-only: the folder or the USB stick that holds this file cannot be written."),
    }
    works = _("You can read everything, show it on the projector and export the documents; to make changes, save a "
              "copy elsewhere (File › Save a copy) and open that.")
    return f"{reasons[reason]} {works}"
