# The worker and beat image used by compose.yaml.
# Two stages: the first builds the wheel from the source; the second installs only that wheel, so the
# running service imports the installed package and its working directory holds no source to shadow it.
# .ci/run reads this file (.ci/dockerfile_layout.py) and runs its smoke test from a folder laid out the
# same way, so a change here is tested there.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY worker ./worker
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY --from=build /wheels /wheels
# /app: the service account's home and working directory, empty (no source, no skeleton files).
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels \
    && useradd --system --home-dir /app newsworker && mkdir /app && chown newsworker:newsworker /app
WORKDIR /app
USER newsworker
CMD ["celery", "-A", "worker.celery_app", "worker", "--loglevel", "INFO"]
