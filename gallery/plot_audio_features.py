# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Tell tones from noise with two audio features
=============================================

The course this tutorial grows from is about audio signal processing, so here is
the model at work on sound. We synthesise a few hundred short clips of two kinds,
harmonic tones and coloured noise, describe each clip by two classic features (the
zero-crossing rate and the spectral flatness), and train the sigmoid unit with
:func:`binary_logreg.gradient_descent` to tell them apart. Noisy tones and dark noise
make the two classes overlap, so the task is not trivial, and the last section looks
at which clips the model gets wrong.
"""

# %%
# Synthesise the clips
# --------------------
# Every clip lasts 0.25 s at a sampling rate of 16 kHz. A *tone* (class 1) has a
# fundamental frequency :math:`f_0` between 100 Hz and 1 kHz, one to eight harmonics
# with random amplitudes and phases, and white noise added at a signal-to-noise ratio
# (SNR) between 0 and 30 dB. A *noise* (class 0) is white noise whose spectrum is
# tilted by :math:`f^{-\alpha/2}` with :math:`\alpha` between 0 (white) and 1 (pink)
# and low-pass filtered with a cut-off between 2 and 8 kHz. Each clip then gets a
# random level between -40 and -10 dB relative to full scale. One seeded generator
# makes the whole data set reproducible.

import matplotlib.pyplot as plt
import numpy as np
from sklearn.model_selection import train_test_split

import binary_logreg as bl
from binary_logreg.plotting import plot_probability_map, plot_samples

plt.style.use("binary_logreg.tutorial")

fs = 16_000  # sampling rate in Hz
n_per_class = 300
n = fs // 4  # samples per clip (0.25 s)
t = np.arange(n) / fs
frequencies = np.fft.rfftfreq(n, 1 / fs)
rng = np.random.default_rng(20240)


def harmonic_tone(rng):
    f0 = np.exp(rng.uniform(np.log(100), np.log(1000)))
    k = np.arange(1, rng.integers(1, 9) + 1)
    k = k[k * f0 < fs / 2]  # keep the harmonics below the Nyquist frequency
    amplitudes = rng.uniform(0.2, 1.0, k.size) / k
    phases = rng.uniform(0, 2 * np.pi, k.size)
    x = amplitudes @ np.sin(2 * np.pi * f0 * k[:, None] * t + phases[:, None])
    x /= np.sqrt(np.mean(x**2))
    snr_db = rng.uniform(0, 30)
    x += 10 ** (-snr_db / 20) * rng.standard_normal(n)
    return x, {"f0": f0, "harmonics": k.size, "snr_db": snr_db}


def coloured_noise(rng):
    alpha = rng.uniform(0, 1)
    cutoff = np.exp(rng.uniform(np.log(2000), np.log(8000)))
    f = np.maximum(frequencies, frequencies[1])  # avoid 0 ** negative at DC
    response = f ** (-alpha / 2) / np.sqrt(1 + (f / cutoff) ** 2)
    x = np.fft.irfft(np.fft.rfft(rng.standard_normal(n)) * response, n)
    return x, {"alpha": alpha, "cutoff": cutoff}


def at_random_level(x, rng):
    return x / np.sqrt(np.mean(x**2)) * 10 ** (rng.uniform(-40, -10) / 20)


clips, labels, params = [], [], []
for label, synthesise in [(1, harmonic_tone), (0, coloured_noise)]:
    for _ in range(n_per_class):
        x, p = synthesise(rng)
        clips.append(at_random_level(x, rng))
        labels.append(label)
        params.append(p)
clips, labels = np.array(clips), np.array(labels)
print(f"{clips.shape[0]} clips of {clips.shape[1]} samples")

# %%
# Listen with your eyes
# ---------------------
# The waveform (scaled to its peak) and the spectrogram of three clips: a clean
# tone, a noisy tone and a noise. The spectrogram is the power spectral density of
# short-time Fourier transforms (512-sample Hann windows, hop 128 samples) in dB, all
# three on the same colour scale. The clean tone shows horizontal lines, its
# harmonics, far above a floor of noise. In the noisy tone only the fundamental
# stands out of the floor, and the noise spreads its power over all frequencies,
# falling towards high frequencies.


def spectrogram_db(x, frame=512, hop=128):
    """Power spectral density of Hann-windowed frames in dB re 1/Hz."""
    window = np.hanning(frame)
    frames = np.lib.stride_tricks.sliding_window_view(x, frame)[::hop] * window
    spectra = np.fft.rfft(frames, axis=1)
    psd = 2 * np.abs(spectra) ** 2 / (fs * np.sum(window**2))
    times = (np.arange(frames.shape[0]) * hop + frame / 2) / fs
    return times, np.fft.rfftfreq(frame, 1 / fs), 10 * np.log10(psd.T + 1e-30)


snr_all = np.array([p.get("snr_db", np.nan) for p in params])
examples = [
    ("clean tone", int(np.argmax(snr_all > 20))),
    ("noisy tone", int(np.argmax(snr_all < 5))),
    ("noise", n_per_class),
]
spectrograms = [spectrogram_db(clips[i]) for _, i in examples]
top = max(s[2].max() for s in spectrograms)
fig = plt.figure(figsize=(7.5, 8), layout="constrained")
axes = fig.subplots(3, 2, width_ratios=[1, 1.5], sharex="col", sharey="col")
for row, ((kind, index), (times, freqs, power)) in enumerate(
    zip(examples, spectrograms, strict=True)
):
    x, p = clips[index], params[index]
    if labels[index] == 1:
        title = f"{kind}: f₀ = {p['f0']:.0f} Hz, SNR {p['snr_db']:.0f} dB"
    else:
        tilt, cutoff = p["alpha"], p["cutoff"] / 1000
        title = f"{kind}: α = {tilt:.2f}, cut-off {cutoff:.1f} kHz"
    colour = "C1" if labels[index] == 1 else "C0"
    axes[row, 0].plot(1000 * t, x / np.abs(x).max(), lw=0.8, color=colour)
    axes[row, 0].set_xlim(0, 30)
    axes[row, 0].set_ylabel("amplitude\n(normalised)")
    image = axes[row, 1].pcolormesh(
        times, freqs / 1000, power, vmin=top - 70, vmax=top, cmap="magma"
    )
    axes[row, 1].set_ylabel("frequency (kHz)")
    axes[row, 1].set_title(title, fontsize=11, loc="left")
axes[-1, 0].set_xlabel("time (ms), first 30 ms")
axes[-1, 1].set_xlabel("time (s)")
fig.colorbar(image, ax=axes[:, 1], shrink=0.6, label="PSD (dB re 1/Hz)")
fig.suptitle("Waveform (left) and spectrogram (right) of three clips")
plt.show()

# %%
# Compute two features
# --------------------
# The **zero-crossing rate** is the share of consecutive samples whose signs differ.
# A pure tone of frequency :math:`f_0` crosses zero :math:`2 f_0` times per second,
# white noise at every second sample on average; low-pass noise and tones sit in
# between. It spans more than a decade, so we take its logarithm.
#
# The **spectral flatness** of a frame is the geometric mean of its power spectrum
# divided by the arithmetic mean: close to 1 (0 dB) for a flat spectrum, much smaller
# for a spectrum made of a few peaks. We average it over the frames of a clip and
# express it in dB. Added noise fills the gaps between the harmonics, so a noisy tone
# looks flatter; a tilted noise spectrum looks less flat.
#
# Both features ignore the level of the clip, which is therefore no clue here.


def zero_crossing_rate(x):
    return np.mean(np.signbit(x[1:]) != np.signbit(x[:-1]))


def spectral_flatness_db(x, frame=512, hop=256):
    frames = np.lib.stride_tricks.sliding_window_view(x, frame)[::hop]
    power = np.abs(np.fft.rfft(frames * np.hanning(frame), axis=1)) ** 2 + 1e-30
    flatness = np.exp(np.mean(np.log(power), axis=1)) / np.mean(power, axis=1)
    return 10 * np.log10(np.mean(flatness))


features = np.array(
    [[np.log10(zero_crossing_rate(x)), spectral_flatness_db(x)] for x in clips]
).T  # shape (N, M) = (2, 600), the course layout
feature_names = ["log10 zero-crossing rate", "spectral flatness (dB)"]

# %%
# Split, standardise and train
# ----------------------------
# Keep 30 % of the clips for testing, stratified by class. Standardise both features
# with the mean and standard deviation of the *training* clips only (the test clips
# must not leak into the model), then train from zeros with half the step size of
# :func:`binary_logreg.step_size_limit` until the gradient is below :math:`10^{-6}`.

index_train, index_test = train_test_split(
    np.arange(labels.size), test_size=0.3, stratify=labels, random_state=0
)
mean = features[:, index_train].mean(axis=1, keepdims=True)
std = features[:, index_train].std(axis=1, keepdims=True)
X_all = (features - mean) / std
Y_all = labels[None, :].astype(float)
X_train, Y_train = X_all[:, index_train], Y_all[:, index_train]
X_test, Y_test = X_all[:, index_test], Y_all[:, index_test]

step_size = bl.step_size_limit(X_train) / 2
result = bl.gradient_descent(
    X_train,
    Y_train,
    np.zeros((2, 1)),
    0.0,
    step_size=step_size,
    steps=20_000,
    tol=1e-6,
)
print(
    f"step size {step_size:.2f}: {result.n_steps} steps, "
    f"converged: {result.converged}, "
    f"final training cost {result.final_cost:.4f}"
)
print(f"w = {result.w.ravel()}, b = {result.b:.4f}")

# %%
# Evaluate on the held-out clips
# ------------------------------
# :func:`binary_logreg.evaluate` labels a clip a tone when the predicted probability
# is at least 0.5:

report_train = bl.evaluate(result.w, result.b, X_train, Y_train)
report_test = bl.evaluate(result.w, result.b, X_test, Y_test)
print(f"training accuracy {report_train.accuracy:.3f}")
print("test set (class 1 = tone):")
print(report_test)

# %%
# Training and test accuracy are similar: with only 180 test clips the test accuracy
# is itself uncertain by a few percentage points, and with three parameters the
# model has little room to memorise the training clips. It does make mistakes,
# though. Here are all clips in the plane of the standardised features, drawn with
# :func:`binary_logreg.plotting.plot_probability_map`: the model's probability of
# "tone" in the background and the decision boundary :math:`a = 0.5`.

# sphinx_gallery_thumbnail_number = 2
fig, ax = plt.subplots(figsize=(7, 5.8), layout="constrained")
limits = [(row.min() - 0.3, row.max() + 0.3) for row in X_all]
filled = plot_probability_map(ax, result.w, result.b, xlim=limits[0], ylim=limits[1])
plot_samples(ax, X_all, Y_all, n=None, label="all clips, ")
ax.set_xlabel(f"{feature_names[0]}, standardised")
ax.set_ylabel(f"{feature_names[1]}, standardised")
ax.set_title("All clips in the feature plane (class 1: tones), and the boundary")
ax.legend(loc="lower right", fontsize=10)
fig.colorbar(filled, label="predicted probability of a tone", shrink=0.8)
plt.show()

# %%
# Look at the mistakes
# --------------------
# Which clips does the model get wrong? We know how every clip was made, so plot the
# predicted probability of the test clips against the parameter that should matter:
# the SNR for tones, the spectral tilt :math:`\alpha` for noise.

A_test = bl.forward(result.w, result.b, X_test).ravel()
test_tones = index_test[labels[index_test] == 1]
test_noise = index_test[labels[index_test] == 0]
snr = np.array([params[i]["snr_db"] for i in test_tones])
alpha = np.array([params[i]["alpha"] for i in test_noise])
a_tones = A_test[labels[index_test] == 1]
a_noise = A_test[labels[index_test] == 0]
missed = a_tones < 0.5
false_alarm = a_noise >= 0.5
print(f"tones labelled noise: {missed.sum()} of {missed.size}")
print(f"  median SNR of all test tones: {np.median(snr):.1f} dB")
if missed.any():
    print(f"  median SNR of the missed ones: {np.median(snr[missed]):.1f} dB")
    print(f"  largest SNR of a missed tone: {snr[missed].max():.1f} dB")
print(f"noise labelled tone: {false_alarm.sum()} of {false_alarm.size}")
print(f"  median alpha of all test noise: {np.median(alpha):.2f}")
if false_alarm.any():
    median_alpha = np.median(alpha[false_alarm])
    print(f"  median alpha of the false alarms: {median_alpha:.2f}")

fig = plt.figure(figsize=(7, 6.5), layout="constrained")
ax_tone, ax_noise = fig.subplots(2, 1, sharey=True)
ax_tone.scatter(snr, a_tones, color="C1", marker="^", s=25)
ax_tone.set_xlabel("SNR of the tone (dB)")
ax_tone.set_title("Test tones (class 1)")
ax_noise.scatter(alpha, a_noise, color="C0", marker="o", s=25)
ax_noise.set_xlabel(r"spectral tilt $\alpha$ of the noise (0 white, 1 pink)")
ax_noise.set_title("Test noise (class 0)")
for ax in (ax_tone, ax_noise):
    ax.axhline(0.5, color="k", ls="--", lw=1, label="threshold 0.5")
    ax.set_ylabel("probability of a tone")
    ax.legend(loc="lower right" if ax is ax_tone else "upper left")
fig.suptitle("Predicted probability of a tone for each test clip")
plt.show()

# %%
# The missed tones are the noisy ones: at low SNR the noise floor fills the spectrum
# between the harmonics and the flatness no longer tells a tone from noise. The false
# alarms come from the darker (pinker) noise, whose tilted spectrum looks less flat
# and whose zero-crossing rate is lower, as a tone's would be. Where the two classes
# overlap in the feature plane, no boundary, straight or curved, can separate them:
# more or better features are the way forward, not a longer training.
#
# In practice
# -----------
# - Real recordings add what this synthetic data leaves out: reverberation, changing
#   pitch, several sources at once. Hand-made features such as these were the
#   standard before learned features (spectrogram inputs to neural networks); they
#   remain a good baseline, and a model with two inputs can be understood completely.
# - Standardise with the statistics of the training clips and keep them: new clips
#   must be transformed with the same mean and standard deviation before
#   :func:`binary_logreg.forward`.
# - To listen to a clip, write it to a WAV file, e.g. with
#   ``scipy.io.wavfile.write("tone.wav", fs, clips[0].astype(np.float32))``.
