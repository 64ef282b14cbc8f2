"""Lay out a folder as the Dockerfile lays out its image, without Docker, so CI tests what the image runs.

Reads the Dockerfile itself (so the two cannot drift) and plays its instructions into a folder per
stage: COPY (from the build context or `--from` an earlier stage), WORKDIR, ENV, and the `pip` and `rm`
commands of RUN, with every absolute path moved under the stage's folder and pip run by the given
Python (a fresh virtual environment stands in for the image's interpreter). System-account commands
(useradd, ...) are skipped; any other command is an error, so a Dockerfile change that this script
cannot play fails CI instead of going untested. Writes the last stage's working directory,
environment and CMD as JSON for the smoke test to run.

    python3 .ci/dockerfile_layout.py --python VENV/bin/python --root DIR [--dockerfile Dockerfile]
"""

from __future__ import annotations

import argparse
import glob
import json
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

SKIPPED_COMMANDS = {"useradd", "groupadd", "adduser", "addgroup", "chown", "chmod"}


@dataclass
class Stage:
    name: str
    root: Path
    workdir: str = "/"
    env: dict[str, str] = field(default_factory=dict)
    cmd: list[str] | None = None

    def path(self, container_path: str) -> Path:
        """A path inside the image, as a path under this stage's folder."""
        absolute = container_path if container_path.startswith("/") else f"{self.workdir}/{container_path}"
        return self.root / absolute.lstrip("/")


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(KEYWORD, arguments) per instruction: comments dropped, continuation lines joined."""
    result, pending = [], ""
    for raw in dockerfile.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, arguments = line.partition(" ")
        result.append((keyword.upper(), arguments.strip()))
    return result


def words(arguments: str) -> list[str]:
    """Exec (JSON) form or shell form."""
    return json.loads(arguments) if arguments.startswith("[") else shlex.split(arguments)


def copy(sources: list[Path], destination: Path, many: bool) -> None:
    for source in sources:
        if not source.exists():
            sys.exit(f"dockerfile_layout: COPY source {source} does not exist")
        if source.is_dir():
            # as .dockerignore leaves them out of the build context
            shutil.copytree(
                source, destination, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            target = destination / source.name if many or destination.is_dir() else destination
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def play_copy(stage: Stage, arguments: str, context: Path, stages: dict[str, Stage]) -> None:
    parts = words(arguments)
    origin = None
    while parts[0].startswith("--"):
        flag = parts.pop(0)
        if flag.startswith("--from="):
            origin = stages[flag.split("=", 1)[1]]
    *sources, destination = parts
    many = len(sources) > 1 or destination.endswith("/")
    if origin is None:
        found = [Path(p) for s in sources for p in sorted(glob.glob(str(context / s)))]
    else:
        found = [Path(p) for s in sources for p in sorted(glob.glob(str(origin.path(s))))]
    target = stage.path(destination)
    if many:
        target.mkdir(parents=True, exist_ok=True)
    copy(found, target, many)
    print(f"  COPY {arguments}", flush=True)


def container_args(stage: Stage, args: list[str]) -> list[str]:
    """Absolute paths moved under the stage's folder; globs expanded there."""
    result = []
    for arg in args:
        if arg.startswith("/"):
            moved = str(stage.path(arg))
            result.extend(sorted(glob.glob(moved)) or [moved] if any(c in arg for c in "*?[") else [moved])
        else:
            result.append(arg)
    return result


def play_run(stage: Stage, arguments: str, python: str) -> None:
    for command in arguments.split("&&"):
        args = shlex.split(command)
        if not args:
            continue
        program = args[0]
        if program in SKIPPED_COMMANDS:
            print(f"  RUN {command.strip()}  (skipped: accounts and owners are not part of the layout)")
            continue
        if program in {"pip", "pip3"}:
            argv = [python, "-m", "pip", *container_args(stage, args[1:])]
        elif program in {"rm", "mkdir"} and all(a.startswith(("-", "/")) for a in args[1:]):
            argv = [program, *container_args(stage, args[1:])]
        else:
            sys.exit(
                f"dockerfile_layout: cannot play `RUN {command.strip()}`: teach .ci/dockerfile_layout.py"
            )
        print(f"  RUN {command.strip()}", flush=True)
        cwd = stage.path(stage.workdir)
        cwd.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
        if done.returncode != 0:
            output = done.stdout + done.stderr
            sys.exit(f"dockerfile_layout: `{shlex.join(argv)}` exited {done.returncode}:\n{output}")
        for last in done.stdout.strip().splitlines()[-1:]:
            print(f"    {last}", flush=True)


def lay_out(dockerfile: Path, context: Path, root: Path, python: str) -> Stage:
    stages: dict[str, Stage] = {}
    stage: Stage | None = None
    for keyword, arguments in instructions(dockerfile):
        if keyword == "FROM":
            parts = arguments.split()
            name = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else str(len(stages))
            stage = stages[name] = Stage(name=name, root=root / f"stage-{name}")
            stage.root.mkdir(parents=True)
            print(f"FROM {arguments}", flush=True)
        elif stage is None:
            sys.exit(f"dockerfile_layout: {keyword} before FROM")
        elif keyword == "WORKDIR":
            stage.workdir = arguments if arguments.startswith("/") else f"{stage.workdir}/{arguments}"
            stage.path(stage.workdir).mkdir(parents=True, exist_ok=True)
        elif keyword == "ENV":
            for pair in shlex.split(arguments):
                key, _, value = pair.partition("=")
                stage.env[key] = value
        elif keyword == "COPY":
            play_copy(stage, arguments, context, stages)
        elif keyword == "RUN":
            play_run(stage, arguments, python)
        elif keyword == "CMD":
            stage.cmd = words(arguments)
        elif keyword in {"USER", "LABEL", "EXPOSE"}:
            continue
        else:
            sys.exit(f"dockerfile_layout: cannot play {keyword}: teach .ci/dockerfile_layout.py")
    if stage is None or stage.cmd is None:
        sys.exit("dockerfile_layout: the last stage has no CMD")
    return stage


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dockerfile", default="Dockerfile")
    parser.add_argument("--context", default=".")
    parser.add_argument("--root", required=True, help="an empty folder to lay the stages out in")
    parser.add_argument("--python", required=True, help="the interpreter that stands in for the image's")
    args = parser.parse_args()
    root = Path(args.root).resolve()
    final = lay_out(Path(args.dockerfile), Path(args.context).resolve(), root, args.python)
    workdir = final.path(final.workdir)
    layout = {"workdir": str(workdir), "env": final.env, "cmd": final.cmd}
    (root / "layout.json").write_text(json.dumps(layout, indent=2) + "\n", encoding="utf-8")
    held = sorted(p.name for p in workdir.iterdir())
    print(f"image layout: WORKDIR {final.workdir} -> {workdir}, holding {held}")
    print(f"image layout: CMD {shlex.join(final.cmd)}")


if __name__ == "__main__":
    main()
