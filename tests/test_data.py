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


def test_playground_data_is_the_first_training_samples_and_survives_json(seed_data):
    import json

    data = bl.playground_data(500, dataset=seed_data)
    X = seed_data.X_train[:, :500]
    Y = seed_data.Y_train[:, :500]
    # JSON writes each float with the digits that read back the same float64
    back = json.loads(json.dumps(data))
    np.testing.assert_array_equal(np.array(back["X"]), X)
    np.testing.assert_array_equal(np.array(back["Y"]), Y[0])
    assert back == data
    # the bound 8M / λ_max([X; 1][X; 1]ᵀ), computed here without the package
    X_tilde = np.vstack([X, np.ones((1, 500))])
    eigenvalue = np.linalg.eigvalsh(X_tilde @ X_tilde.T)[-1]
    assert data["step_size_limit"] == pytest.approx(8 * 500 / eigenvalue, rel=1e-12)


def test_playground_minimum_is_scikit_learns(seed_data):
    from sklearn.linear_model import LogisticRegression

    data = bl.playground_data(500, dataset=seed_data)
    X, y = np.array(data["X"]).T, np.array(data["Y"])
    reference = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    minimum = data["minimum"]
    np.testing.assert_allclose(minimum["w"], reference.coef_[0], atol=1e-7)
    assert minimum["b"] == pytest.approx(reference.intercept_[0], abs=1e-7)
    p = reference.predict_proba(X)[:, 1]
    J = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert minimum["cost"] == pytest.approx(J, rel=1e-10)


def test_playground_data_rejects_bad_sizes(seed_data):
    small = bl.make_dataset(20)
    with pytest.raises(ValueError, match="more than the 16 training samples"):
        bl.playground_data(17, dataset=small)
    with pytest.raises(ValueError, match="n_samples must be at least 2"):
        bl.playground_data(1, dataset=small)
    with pytest.raises(TypeError, match="n_samples must be an integer"):
        bl.playground_data(2.5, dataset=small)
    one_class = bl.Dataset(
        X_train=np.ones((2, 4)),
        Y_train=np.ones((1, 4)),
        X_test=np.ones((2, 1)),
        Y_test=np.ones((1, 1)),
    )
    with pytest.raises(ValueError, match="hold only class 1"):
        bl.playground_data(4, dataset=one_class)


@pytest.mark.parametrize(
    ("seeds", "error", "message"),
    [
        ({"data_seed": -1}, ValueError, r"data_seed must be an int in \[0, 2\*\*32\)"),
        ({"split_seed": "x"}, TypeError, "split_seed must be None, an int"),
    ],
)
def test_make_dataset_names_a_bad_seed(seeds, error, message):
    with pytest.raises(error, match=message):
        bl.make_dataset(100, **seeds)
