from pathlib import Path

import pytest

from kehoach.domain.importer import inspect_files

SAMPLES = Path(__file__).resolve().parents[3] / "src" / "kehoach" / "sample_data"
KE_HOACH_86 = SAMPLES / "ke-hoach-86-KH-UBND-2025.txt"
BAO_CAO_619 = SAMPLES / "bao-cao-619-BC-TU-2024.txt"


@pytest.fixture(scope="session")
def plan86():
    return inspect_files([KE_HOACH_86])


@pytest.fixture(scope="session")
def report619():
    return inspect_files([BAO_CAO_619])


@pytest.fixture(scope="session")
def both():
    return inspect_files([BAO_CAO_619, KE_HOACH_86])
