def test_health(anon):
    r = anon.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}
    assert r.headers["API-Version"] == "1.0.0"


def test_login(login):
    api = login("bestuur@demo.spil.nl")
    r = api.get("/schools")
    assert r.status_code == 200, r.text
    assert r.json()["total"] == 3
