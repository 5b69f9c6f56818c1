"""The workroom's admin views: the researcher's workspace and upload, the progress board (and
its CSV), the research calendar, and a report against the previous edition."""

from .board import BoardCsvView, BoardView
from .calendar import CalendarView
from .compare import PreviousEditionView
from .workspace import UploadView, WorkspaceView

__all__ = ["BoardCsvView", "BoardView", "CalendarView", "PreviousEditionView", "UploadView", "WorkspaceView"]
