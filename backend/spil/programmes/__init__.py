"""Regional programmes: boards working together (seed 004, the RAP region Kennemerland-Zuid)."""
