"""People, the role catalogue and role assignments (who is the contact point for what)."""

# The people feature provides the partnerships' internal contacts (people depends on partners,
# never the other way round): loading the feature loads the provider.
from spil.people import contacts

__all__ = ["contacts"]
