# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Tell tones from noise with two audio features
=============================================

The tones and noises of :ref:`sphx_glr_auto_examples_plot_audio_clips.py`
(:func:`binary_logreg.make_audio_clips`), each described by two classic audio
features, the zero-crossing rate and the spectral flatness: the sigmoid unit learns
to tell them apart with :func:`binary_logreg.gradient_descent`. Noisy tones and dark
noise make the classes overlap, so the last section looks at the clips it gets wrong.
"""

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

import matplotlib.pyplot as plt
import numpy as np
from sklearn.model_selection import train_test_split

import binary_logreg as bl
from binary_logreg.plotting import plot_probability_map, plot_samples

plt.style.use("binary_logreg.tutorial")

data = bl.make_audio_clips()  # 300 tones (label 1), 300 noises (label 0)
labels = data.labels


def zero_crossing_rate(x):
    return np.mean(np.signbit(x[1:]) != np.signbit(x[:-1]))


def spectral_flatness_db(x, frame=512, hop=256):
    frames = np.lib.stride_tricks.sliding_window_view(x, frame)[::hop]
    power = np.abs(np.fft.rfft(frames * np.hanning(frame), axis=1)) ** 2 + 1e-30
    flatness = np.exp(np.mean(np.log(power), axis=1)) / np.mean(power, axis=1)
    return 10 * np.log10(np.mean(flatness))


features = np.array(
    [[np.log10(zero_crossing_rate(x)), spectral_flatness_db(x)] for x in data.clips]
).T  # shape (N, M) = (2, 600), the course layout

# %%
# Split, standardise, train and evaluate
# --------------------------------------
# Keep 30 % of the clips for testing, stratified by class. Standardise both features
# with the mean and standard deviation of the *training* clips only (the test clips
# must not leak into the model), train from zeros with half the step size of
# :func:`binary_logreg.step_size_limit` until the gradient is below :math:`10^{-6}`,
# and let :func:`binary_logreg.evaluate` call a clip a tone where :math:`a \ge 0.5`.

index_train, index_test = train_test_split(
    np.arange(labels.size), test_size=0.3, stratify=labels, random_state=0
)
mean = features[:, index_train].mean(axis=1, keepdims=True)
std = features[:, index_train].std(axis=1, keepdims=True)
X_all = (features - mean) / std
Y_all = labels[None, :].astype(float)
X_train, Y_train = X_all[:, index_train], Y_all[:, index_train]
X_test, Y_test = X_all[:, index_test], Y_all[:, index_test]

step = bl.step_size_limit(X_train) / 2
result = bl.gradient_descent(
    X_train, Y_train, np.zeros((2, 1)), 0.0, step_size=step, steps=20_000, tol=1e-6
)
print(f"step size {step:.2f}: {result.n_steps} steps, converged: {result.converged}")
print(f"w = {result.w.ravel()}, b = {result.b:.4f}, cost {result.final_cost:.4f}")
report_train = bl.evaluate(result.w, result.b, X_train, Y_train)
print(f"training accuracy {report_train.accuracy:.3f}; test set (class 1 = tone):")
print(bl.evaluate(result.w, result.b, X_test, Y_test))

# %%
# Training and test accuracy are similar: with 180 test clips the test accuracy is
# itself uncertain by a few points, and three parameters leave little room to
# memorise. The mistakes show in the plane of the standardised features:
# :func:`binary_logreg.plotting.plot_probability_map` draws the probability of "tone"
# and the decision boundary :math:`a = 0.5`.

# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots(figsize=(7, 5.8), layout="constrained")
limits = [(row.min() - 0.3, row.max() + 0.3) for row in X_all]
filled = plot_probability_map(ax, result.w, result.b, xlim=limits[0], ylim=limits[1])
plot_samples(ax, X_all, Y_all, n=None, label="all clips, ")
ax.set_xlabel("log10 zero-crossing rate, standardised")
ax.set_ylabel("spectral flatness (dB), standardised")
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
tone = labels[index_test] == 1
snr, a_tones = data.snr_db[index_test][tone], A_test[tone]
alpha, a_noise = data.alpha[index_test][~tone], A_test[~tone]
missed, false_alarm = snr[a_tones < 0.5], alpha[a_noise >= 0.5]
print(f"tones labelled noise: {missed.size} of {snr.size}")
print(f"  median SNR {np.median(missed):.1f} dB, of all tones {np.median(snr):.1f} dB")
print(f"noise labelled tone: {false_alarm.size} of {alpha.size}")
print(f"  median alpha {np.median(false_alarm):.2f}, of all {np.median(alpha):.2f}")

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
# - Hand-made features such as these were the standard before learned features
#   (spectrogram inputs to neural networks); they remain a good baseline, and a model
#   with two inputs can be understood completely.
# - Standardise with the statistics of the training clips and keep them: new clips
#   must be transformed with the same mean and standard deviation before
#   :func:`binary_logreg.forward`.
