"""The broker's jars: fetched once from Maven Central through deploy/kafka/pom.xml, then cached.

The cache lives outside the repository (SITMON_CACHE_DIR, default ~/.cache/sitmon) so every
clone and every test run reuses one download.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from services.broker.errors import BrokerError, BrokerPrerequisiteMissing

KAFKA_VERSION = "4.0.0"
MIN_JAVA = 17
_REPO_ROOT = Path(__file__).resolve().parents[2]
POM = _REPO_ROOT / "deploy" / "kafka" / "pom.xml"


def cache_dir() -> Path:
    return Path(os.environ.get("SITMON_CACHE_DIR", Path.home() / ".cache" / "sitmon"))


def libs_dir() -> Path:
    return cache_dir() / f"kafka-{KAFKA_VERSION}" / "libs"


def _has_broker_jar(directory: Path) -> bool:
    return directory.is_dir() and any(directory.glob(f"kafka_2.13-{KAFKA_VERSION}.jar"))


def ensure_jars(*, quiet: bool = True) -> Path:
    """The directory of broker jars, fetching them with Maven on first use."""
    directory = libs_dir()
    if _has_broker_jar(directory):
        return directory
    mvn = shutil.which("mvn")
    if mvn is None:
        raise BrokerPrerequisiteMissing(
            f"no Kafka jars in {directory} and no `mvn` on PATH to fetch them; install Maven (apt-get install maven)"
        )
    if not POM.is_file():
        raise BrokerPrerequisiteMissing(f"{POM} is missing; run sitmon from a checkout of the repository")
    partial = directory.with_name("libs.partial")
    shutil.rmtree(partial, ignore_errors=True)
    command = [
        mvn,
        "-B",
        "-f",
        str(POM),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={partial}",
    ]
    if quiet:
        command.insert(1, "-q")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not _has_broker_jar(partial):
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise BrokerError(
            f"Maven could not fetch Kafka {KAFKA_VERSION} jars (exit {result.returncode}): " + " | ".join(tail)
        )
    shutil.rmtree(directory, ignore_errors=True)
    partial.rename(directory)  # atomic: a half-finished download is never taken for a cache
    return directory


def java_binary() -> str:
    """The `java` to run the broker with, checked to be version 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not candidate or not Path(candidate).exists():
        raise BrokerPrerequisiteMissing(
            f"no `java` found; the Kafka broker needs Java ≥ {MIN_JAVA} (apt-get install openjdk-17-jre-headless)"
        )
    result = subprocess.run([candidate, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        raise BrokerPrerequisiteMissing(
            f"could not read the version of {candidate}; the broker needs Java ≥ {MIN_JAVA}"
        )
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8" style
        major = int(match.group(2))
    if major < MIN_JAVA:
        raise BrokerPrerequisiteMissing(
            f"{candidate} is Java {major}; the Kafka {KAFKA_VERSION} broker needs Java ≥ {MIN_JAVA}"
        )
    return candidate
