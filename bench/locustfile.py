"""Classroom bursts: learners open the quiz, start, answer each question, submit.

Started by bench.run with BENCH_SESSIONS (a file of session cookies, one learner per
line), BENCH_QUIZ_ID and BENCH_LEARNERS (how many learners in the burst). Each
simulated learner goes through the quiz once; the run ends when the last one is done.
Request names: start (POST start → the question sheet), save (each autosave), submit
(POST submit → the review page).
"""

import itertools
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task
from locust.exception import StopUser

SESSIONS = Path(os.environ["BENCH_SESSIONS"]).read_text(encoding="utf-8").split()
QUIZ_ID = int(os.environ["BENCH_QUIZ_ID"])
LEARNERS = int(os.environ["BENCH_LEARNERS"])
QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "10"))
_next_session = itertools.count()
_finished = itertools.count(1)
ATTEMPT_URL = re.compile(r"/quizzes/attempts/(\d+)/")


class Learner(HttpUser):
    # Time to read a question and tap an answer: brisk for a phone (real classes take
    # longer), so that a burst is harder than the classroom it stands for.
    wait_time = between(2, 5)

    def on_start(self):
        name, value = SESSIONS[next(_next_session) % len(SESSIONS)].split("=", 1)
        self.client.cookies.set(name, value)
        self.client.headers["Accept-Language"] = "th"

    def _csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    @task
    def take_quiz(self):
        self.client.get(f"/quizzes/{QUIZ_ID}/", name="quiz page")
        with self.client.post(
            f"/quizzes/{QUIZ_ID}/start/",
            data={"csrfmiddlewaretoken": self._csrf()},
            name="start",
            catch_response=True,
        ) as response:
            match = ATTEMPT_URL.search(response.url or "")
            if response.status_code != 200 or not match:
                response.failure(f"no question sheet: {response.status_code} {response.url}")
                self._done()
            attempt = match.group(1)
        for position in range(1, QUESTIONS + 1):
            self.wait()
            with self.client.post(
                f"/quizzes/attempts/{attempt}/autosave/",
                data={
                    "csrfmiddlewaretoken": self._csrf(),
                    "present": str(position),
                    f"q{position}": str(random.randint(1, 4)),
                },
                name="save",
                catch_response=True,
            ) as response:
                if response.status_code != 200 or not response.json().get("ok"):
                    response.failure(f"not saved: {response.status_code} {response.text[:200]}")
        self.wait()
        with self.client.post(
            f"/quizzes/attempts/{attempt}/submit/",
            data={"csrfmiddlewaretoken": self._csrf()},
            name="submit",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or "/review/" not in (response.url or ""):
                response.failure(f"not graded: {response.status_code} {response.url}")
        self._done()

    def _done(self):
        if next(_finished) >= LEARNERS:
            self.environment.runner.quit()
        raise StopUser()
