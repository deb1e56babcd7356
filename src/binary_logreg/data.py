"""Data sets: the course notebook's toy data, split reproducibly, and synthetic audio clips."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

from binary_logreg._validation import (
    check_int_at_least,
    check_positive_finite,
    check_seed,
)
from binary_logreg.training import gradient_descent, step_size_limit

__all__ = [
    "AudioClips",
    "Dataset",
    "make_audio_clips",
    "make_dataset",
    "playground_data",
]


@dataclass(frozen=True)
class Dataset:
    """Training and test data in the course layout.

    Attributes
    ----------
    X_train : ndarray, shape (N, M_train)
        Training features, one column per sample.
    Y_train : ndarray, shape (1, M_train)
        Training labels in {0, 1} (float).
    X_test : ndarray, shape (N, M_test)
        Test features.
    Y_test : ndarray, shape (1, M_test)
        Test labels.

    Notes
    -----
    scikit-learn and Keras want one *row* per sample: pass ``X_train.T`` and
    ``Y_train.ravel()`` (or ``Y_train.T`` for Keras).
    """

    X_train: NDArray[np.float64]
    Y_train: NDArray[np.float64]
    X_test: NDArray[np.float64]
    Y_test: NDArray[np.float64]

    @property
    def n_features(self) -> int:
        """Number of features N."""
        return self.X_train.shape[0]


def make_dataset(
    n_samples: int = 100_000,
    *,
    n_features: int = 2,
    class_sep: float = 1.0,
    flip_y: float = 0.01,
    test_size: float = 0.2,
    data_seed: int = 8,
    split_seed: int = 0,
) -> Dataset:
    """Make the course notebook's two-cluster data and split it 80/20.

    The defaults reproduce the notebook's ``make_classification`` call
    (M = 100000, N = 2, two informative features, no redundant ones, one cluster
    per class, ``class_sep=1``, ``flip_y=0.01``, ``random_state=8``). The
    notebook split at random; here ``split_seed`` fixes the split, so every run,
    test and page sees the same training and test sets.

    ``flip_y`` is label noise: that share of the samples gets a label drawn at
    random from both classes, so about half of them keep their class. With the
    defaults, 1 % of the labels are redrawn and about 0.5 % change class (the
    metrics page counts them).

    Parameters
    ----------
    n_samples : int, default=100000
        Number of samples M before the split.
    n_features : int, default=2
        Number of features N, all informative.
    class_sep : float, default=1.0
        Distance between the class clusters (larger is easier).
    flip_y : float, default=0.01
        Share of the samples whose label is drawn anew at random (label noise);
        about half of those draws give the other class.
    test_size : float, default=0.2
        Share of samples in the test set.
    data_seed : int, default=8
        Seed of ``make_classification``.
    split_seed : int, default=0
        Seed of ``train_test_split``.

    Returns
    -------
    Dataset
    """
    n_samples = check_int_at_least(n_samples, "n_samples", 10)
    data_seed = check_seed(data_seed, "data_seed")
    split_seed = check_seed(split_seed, "split_seed")
    n_features = check_int_at_least(n_features, "n_features", 1)
    if not 0.0 < float(test_size) < 1.0:
        raise ValueError(
            f"test_size must lie strictly between 0 and 1, got {test_size}"
        )
    X, y = make_classification(
        n_samples=n_samples,
        n_features=n_features,
        n_informative=n_features,
        n_redundant=0,
        n_repeated=0,
        n_classes=2,
        n_clusters_per_class=1,
        class_sep=class_sep,
        flip_y=flip_y,
        random_state=data_seed,
    )
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=split_seed
    )
    return Dataset(
        X_train=np.ascontiguousarray(X_train.T),
        Y_train=y_train.astype(np.float64).reshape(1, -1),
        X_test=np.ascontiguousarray(X_test.T),
        Y_test=y_test.astype(np.float64).reshape(1, -1),
    )


def playground_data(
    n_samples: int = 500, *, dataset: Dataset | None = None
) -> dict[str, Any]:
    r"""The data of the site's gradient-descent playground, ready for JSON.

    The playground trains in the reader's browser on the first ``n_samples``
    training samples of the course data: :func:`make_dataset` has shuffled them
    already, so they are a random sample of both classes. Next to the samples,
    the browser gets what the package computes once from them: the step-size
    bound :math:`2/\beta` of :func:`~binary_logreg.step_size_limit`, equation
    :eq:`eq-step-size-limit`, and the minimum of the cost, reached by
    :func:`~binary_logreg.gradient_descent` from zero weights with that step size
    (it stops once the gradient is below :math:`10^{-10}`, equation :eq:`eq-stop`).

    Every number is a Python float, which ``json.dumps`` writes with as many
    digits as it takes to read back the same float64 (in Python and in
    JavaScript's ``JSON.parse`` alike): the browser trains on exactly these
    numbers.

    Parameters
    ----------
    n_samples : int, default=500
        Number of training samples, at least 2.
    dataset : Dataset, optional
        Where to take them from; by default ``make_dataset()``, the course data.

    Returns
    -------
    dict
        ``"X"``: the features in the course layout, a list of N rows of
        ``n_samples`` floats; ``"Y"``: the ``n_samples`` labels, 0.0 or 1.0;
        ``"step_size_limit"``: :math:`2/\beta` of these samples; ``"minimum"``:
        ``{"w": [N floats], "b": float, "cost": float}``, the minimum of the
        cost on them.

    Raises
    ------
    ValueError
        If the dataset has fewer than ``n_samples`` training samples, or they
        hold only one class.

    Examples
    --------
    >>> from binary_logreg import playground_data
    >>> data = playground_data(100)
    >>> len(data["X"]), len(data["X"][0]), len(data["Y"])
    (2, 100, 100)
    """
    n_samples = check_int_at_least(n_samples, "n_samples", 2)
    if dataset is None:
        dataset = make_dataset()
    available = dataset.X_train.shape[1]
    if n_samples > available:
        raise ValueError(
            f"n_samples={n_samples} is more than the {available} training samples "
            "of the dataset"
        )
    X = dataset.X_train[:, :n_samples]
    Y = dataset.Y_train[:, :n_samples]
    if np.unique(Y).size < 2:
        raise ValueError(
            f"the first {n_samples} training samples hold only class "
            f"{int(Y[0, 0])}: take more samples"
        )
    limit = step_size_limit(X)
    best = gradient_descent(
        X, Y, np.zeros(X.shape[0]), 0.0, step_size=limit, steps=100_000, tol=1e-10
    )
    return {
        "X": X.tolist(),
        "Y": Y[0].tolist(),
        "step_size_limit": limit,
        "minimum": {
            "w": best.w[:, 0].tolist(),
            "b": best.b,
            "cost": best.final_cost,
        },
    }


@dataclass(frozen=True)
class AudioClips:
    """Synthetic audio clips, tones and noise, with the parameters that made them.

    Attributes
    ----------
    clips : ndarray, shape (n_clips, clip_length)
        One clip per row, audio samples in full-scale units.
    labels : ndarray of int, shape (n_clips,)
        1 for a tone, 0 for a noise; the tones come first.
    sample_rate : int
        Sampling rate in Hz.
    f0 : ndarray, shape (n_clips,)
        Fundamental frequency of a tone in Hz (NaN for a noise).
    snr_db : ndarray, shape (n_clips,)
        Signal-to-noise ratio of a tone in dB (NaN for a noise).
    alpha : ndarray, shape (n_clips,)
        Spectral tilt of a noise, 0 white to 1 pink (NaN for a tone).
    cutoff : ndarray, shape (n_clips,)
        Low-pass cut-off frequency of a noise in Hz (NaN for a tone).
    """

    clips: NDArray[np.float64]
    labels: NDArray[np.int64]
    sample_rate: int
    f0: NDArray[np.float64]
    snr_db: NDArray[np.float64]
    alpha: NDArray[np.float64]
    cutoff: NDArray[np.float64]

    @property
    def time(self) -> NDArray[np.float64]:
        """Time of each audio sample of a clip in s, shape (clip_length,)."""
        return np.arange(self.clips.shape[1]) / self.sample_rate


def make_audio_clips(
    n_per_class: int = 300,
    *,
    duration: float = 0.25,
    sample_rate: int = 16_000,
    seed: int = 20240,
) -> AudioClips:
    """Synthesise short clips of harmonic tones (class 1) and coloured noise (class 0).

    A *tone* has a fundamental frequency :math:`f_0` drawn log-uniformly between
    100 Hz and 1 kHz, one to eight harmonics (those below the Nyquist frequency)
    with random amplitudes (falling as 1/k) and phases, and white noise added at a
    signal-to-noise ratio (SNR) drawn between 0 and 30 dB. A *noise* is white
    noise whose spectrum is tilted by :math:`f^{-\\alpha/2}`, with :math:`\\alpha`
    between 0 (white) and 1 (pink), and low-pass filtered (first order) with a
    cut-off drawn log-uniformly between 2 and 8 kHz. Each clip then gets a random
    RMS level between -40 and -10 dB relative to full scale. Noisy tones and dark
    noise make the two classes overlap.

    Parameters
    ----------
    n_per_class : int, default=300
        Number of tones and, again, of noises.
    duration : float, default=0.25
        Length of a clip in seconds.
    sample_rate : int, default=16000
        Sampling rate in Hz, at least 4000 (twice the highest fundamental,
        with room for its harmonics).
    seed : int, default=20240
        Seed of the one ``numpy.random.Generator`` that draws everything.

    Returns
    -------
    AudioClips
        The clips, their labels (the ``n_per_class`` tones first), the sampling
        rate and the parameters each clip was made with.

    Examples
    --------
    >>> data = make_audio_clips(2, duration=0.01)
    >>> data.clips.shape, data.labels.tolist(), data.sample_rate
    ((4, 160), [1, 1, 0, 0], 16000)
    """
    n_per_class = check_int_at_least(n_per_class, "n_per_class", 1)
    sample_rate = check_int_at_least(sample_rate, "sample_rate", 4000)
    duration = check_positive_finite(duration, "duration")
    n = round(duration * sample_rate)
    if n < 2:
        raise ValueError(
            f"duration must give at least 2 samples per clip, got {duration} s "
            f"at {sample_rate} Hz"
        )
    t = np.arange(n) / sample_rate
    f = np.fft.rfftfreq(n, 1 / sample_rate)
    f = np.maximum(f, f[1])  # avoid 0 ** negative at DC
    rng = np.random.default_rng(seed)
    clips = np.empty((2 * n_per_class, n))
    params = np.full((2 * n_per_class, 4), np.nan)  # f0, snr_db, alpha, cutoff
    for i in range(2 * n_per_class):
        if i < n_per_class:  # a tone
            f0 = np.exp(rng.uniform(np.log(100), np.log(1000)))
            k = np.arange(1, rng.integers(1, 9) + 1)
            k = k[k * f0 < sample_rate / 2]
            amplitudes = rng.uniform(0.2, 1.0, k.size) / k
            phases = rng.uniform(0, 2 * np.pi, k.size)
            x = amplitudes @ np.sin(2 * np.pi * f0 * k[:, None] * t + phases[:, None])
            x /= np.sqrt(np.mean(x**2))
            snr_db = rng.uniform(0, 30)
            x += 10 ** (-snr_db / 20) * rng.standard_normal(n)
            params[i, :2] = f0, snr_db
        else:  # a noise
            alpha = rng.uniform(0, 1)
            cutoff = np.exp(rng.uniform(np.log(2000), np.log(8000)))
            response = f ** (-alpha / 2) / np.sqrt(1 + (f / cutoff) ** 2)
            x = np.fft.irfft(np.fft.rfft(rng.standard_normal(n)) * response, n)
            params[i, 2:] = alpha, cutoff
        level = 10 ** (rng.uniform(-40, -10) / 20)
        clips[i] = x / np.sqrt(np.mean(x**2)) * level
    labels = np.repeat(np.array([1, 0], dtype=np.int64), n_per_class)
    return AudioClips(clips, labels, sample_rate, *params.T)
