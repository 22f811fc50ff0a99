"""The rights of a person over their data (AVG/GDPR): access, erasure, retention."""
