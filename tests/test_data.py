"""make_dataset: the course notebook's data, split reproducibly; make_audio_clips."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import make_classification

import binary_logreg as bl


def test_default_is_the_course_data(seed_data):
    X, y = make_classification(
        n_samples=100_000,
        n_features=2,
        n_informative=2,
        n_redundant=0,
        n_classes=2,
        n_clusters_per_class=1,
        class_sep=1,
        flip_y=1e-2,
        random_state=8,
    )
    data = seed_data
    assert data.X_train.shape == (2, 80_000)
    assert data.X_test.shape == (2, 20_000)
    assert data.Y_train.shape == (1, 80_000)
    both = np.hstack([data.X_train, data.X_test]).T
    # the split is a permutation of the notebook's samples
    np.testing.assert_array_equal(np.sort(both, axis=0), np.sort(X, axis=0))
    assert set(np.unique(data.Y_train)) == {0.0, 1.0}
    assert data.Y_train.sum() + data.Y_test.sum() == y.sum()


def test_split_is_reproducible_and_seeded():
    a, b = bl.make_dataset(1000), bl.make_dataset(1000)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    c = bl.make_dataset(1000, split_seed=1)
    assert not np.array_equal(a.X_train, c.X_train)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_samples": 5}, "at least 10"),
        ({"test_size": 1.0}, "test_size"),
        ({"n_features": 0}, "n_features"),
    ],
)
def test_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        bl.make_dataset(**kwargs)


def test_audio_clips_shapes_labels_and_parameters():
    data = bl.make_audio_clips(5, duration=0.05, sample_rate=8000)
    assert data.clips.shape == (10, 400)
    assert data.sample_rate == 8000
    assert data.time.shape == (400,) and data.time[1] == 1 / 8000
    np.testing.assert_array_equal(data.labels, [1] * 5 + [0] * 5)
    tone = data.labels == 1
    # each clip carries the parameters of its own kind, NaN for the other kind
    for name, kind in [("f0", tone), ("snr_db", tone), ("alpha", ~tone)]:
        values = getattr(data, name)
        assert np.isfinite(values[kind]).all() and np.isnan(values[~kind]).all(), name
    assert ((data.f0[tone] >= 100) & (data.f0[tone] <= 1000)).all()
    assert ((data.cutoff[~tone] >= 2000) & (data.cutoff[~tone] <= 8000)).all()
    # the RMS level lies between -40 and -10 dB re full scale
    level_db = 10 * np.log10(np.mean(data.clips**2, axis=1))
    assert ((level_db > -40 - 1e-9) & (level_db < -10 + 1e-9)).all()


def test_audio_tone_is_periodic_and_noise_is_not():
    # an independent check of what a tone is: its spectrum peaks at f0
    data = bl.make_audio_clips(20, duration=0.5)
    clean = np.flatnonzero(data.snr_db > 20)[0]
    spectrum = np.abs(np.fft.rfft(data.clips[clean]))
    frequencies = np.fft.rfftfreq(data.clips.shape[1], 1 / data.sample_rate)
    peaks = frequencies[np.argsort(spectrum)[-20:]]
    assert np.min(np.abs(peaks - data.f0[clean])) <= 2.0  # bin width 2 Hz


def test_audio_clips_are_seeded():
    a, b = bl.make_audio_clips(3, duration=0.01), bl.make_audio_clips(3, duration=0.01)
    np.testing.assert_array_equal(a.clips, b.clips)
    np.testing.assert_array_equal(a.snr_db, b.snr_db)
    c = bl.make_audio_clips(3, duration=0.01, seed=1)
    assert not np.array_equal(a.clips, c.clips)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_per_class": 0}, "n_per_class must be at least 1"),
        ({"n_per_class": -3}, "n_per_class"),
        ({"sample_rate": 1000}, "sample_rate must be at least 4000"),
        ({"duration": 5e-5}, "at least 2 samples"),
        ({"duration": 0.0}, "duration must be a finite number > 0"),
        ({"duration": float("nan")}, "duration"),
    ],
)
def test_audio_clips_reject_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        bl.make_audio_clips(**kwargs)


@pytest.mark.parametrize(
    "kwargs", [{"n_per_class": 2.5}, {"sample_rate": "16k"}, {"duration": "1"}]
)
def test_audio_clips_reject_the_wrong_kind(kwargs):
    with pytest.raises(TypeError, match=next(iter(kwargs))):
        bl.make_audio_clips(**kwargs)
