"""Pictures that explain the inner thighs: levers, lines of pull, moment arms and stretch.

Each function takes ``ax=None`` (draw into the given axes, or make a new Figure with an Agg
canvas; never pyplot), returns the Figure, and gives its artists stable gids such as
``"pull:adductor_longus"`` so notebooks and tests can find them. The two views that the
explorers animate (:class:`KneeView`, :class:`PelvisView`) keep their artists and move them in
place with ``update(...)``.

Sources. Geometry, moment arms and muscle parameters: OpenSim Gait2392 (Thelen, Seth, Anderson,
Delp; after Delp SL et al. 1990, IEEE Trans Biomed Eng 37(8):757-767), CC BY 3.0, computed by
:mod:`innerthigh_kit.anatomy`. Fibre force-length curves: Thelen DG 2003, J Biomech Eng
125(1):70-77. Actions that change with hip angle: see ../shared EVIDENCE notes 1.2 (EMG:
Eur J Appl Physiol 2019, doi 10.1007/s00421-019-04150-5). Palette: Okabe & Ito (2008),
"Color Universal Design", safe for the common colour-vision deficiencies.

The package: ``_style`` (palette, helpers, ``KitFigure``) → ``leg`` (what the two leg views
share) → ``knee`` and ``pelvis`` (the views the explorers animate) → ``curves`` → ``levers``;
``body`` (a posed 3-D figure on the floor) → ``props`` → ``figures`` (each exercise drawn from its
pose data in the library).
"""

from __future__ import annotations

from ._style import COLOURS, CREDIT, LABELS, RANGES, SHORT, KitFigure, source_note
from .curves import moment_arm_curves, stretch_curves
from .figures import exercise_figure
from .knee import KneeView, knee_view
from .levers import lever_sketch
from .pelvis import PelvisView, pelvis_view
from .timeline import class_timeline

__all__ = [
    "COLOURS",
    "CREDIT",
    "LABELS",
    "RANGES",
    "SHORT",
    "KitFigure",
    "KneeView",
    "class_timeline",
    "exercise_figure",
    "PelvisView",
    "knee_view",
    "lever_sketch",
    "moment_arm_curves",
    "pelvis_view",
    "source_note",
    "stretch_curves",
]
