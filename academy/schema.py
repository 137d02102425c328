"""The app's whole schema: importing this module registers every area's tables on the one
metadata (core's `Base.metadata`). It lives at the app level because core knows no area;
Alembic's environment and the tests import it."""

from academy.core import models as core_models
from academy.courses import models as course_models  # noqa: F401  (registers the tables)
from academy.inventory import models as inventory_models  # noqa: F401  (registers the tables)
from academy.journeys import models as journey_models  # noqa: F401  (registers the tables)
from academy.journeys.contacts import models as contact_models  # noqa: F401  (registers the tables)
from academy.practice import models as practice_models  # noqa: F401  (registers the tables)
from academy.privacy import models as privacy_models  # noqa: F401  (registers the tables)

metadata = core_models.Base.metadata

__all__ = ["metadata"]
