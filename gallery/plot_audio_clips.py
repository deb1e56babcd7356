# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
See tones and noise in the waveform and the spectrogram
=======================================================

The course this tutorial grows from is about audio signal processing, so two
examples put the model to work on sound. This one makes the data and looks at it:
:func:`binary_logreg.make_audio_clips` synthesises a few hundred short clips of two
kinds, harmonic tones and coloured noise, and the waveform and the spectrogram of
three of them show what sets the classes apart, and where they overlap.
:ref:`sphx_glr_auto_examples_plot_audio_features.py` then describes each clip by two
numbers and trains the sigmoid unit to tell them apart.
"""

# %%
# Synthesise the clips
# --------------------
# Every clip lasts 0.25 s at a sampling rate of 16 kHz. A *tone* (class 1) has a
# fundamental frequency :math:`f_0` between 100 Hz and 1 kHz, one to eight harmonics
# and white noise added at a signal-to-noise ratio (SNR) between 0 and 30 dB. A
# *noise* (class 0) is white noise whose spectrum is tilted by :math:`f^{-\alpha/2}`,
# with :math:`\alpha` between 0 (white) and 1 (pink), and low-pass filtered with a
# cut-off between 2 and 8 kHz. Each clip gets a random level between -40 and -10 dB
# relative to full scale. One seed makes the whole data set reproducible, and the
# function returns the parameters of every clip with it.

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_audio_clips()
fs = data.sample_rate
print(f"{data.clips.shape[0]} clips of {data.clips.shape[1]} samples at {fs} Hz")
print(f"tones: {data.labels.sum()}, noises: {np.sum(data.labels == 0)}")

# %%
# Listen with your eyes
# ---------------------
# The waveform (scaled to its peak) and the spectrogram of three clips: a clean
# tone, a noisy tone and a noise. The spectrogram is the power spectral density of
# short-time Fourier transforms (512-sample Hann windows, hop 128 samples) in dB, all
# three on the same colour scale.


def spectrogram_db(x, frame=512, hop=128):
    """Power spectral density of Hann-windowed frames in dB re 1/Hz."""
    window = np.hanning(frame)
    frames = np.lib.stride_tricks.sliding_window_view(x, frame)[::hop] * window
    spectra = np.fft.rfft(frames, axis=1)
    psd = 2 * np.abs(spectra) ** 2 / (fs * np.sum(window**2))
    times = (np.arange(frames.shape[0]) * hop + frame / 2) / fs
    return times, np.fft.rfftfreq(frame, 1 / fs), 10 * np.log10(psd.T + 1e-30)


examples = {
    "clean tone": int(np.argmax(data.snr_db > 20)),
    "noisy tone": int(np.argmax(data.snr_db < 5)),
    "noise": int(np.argmax(data.labels == 0)),
}
spectrograms = [spectrogram_db(data.clips[i]) for i in examples.values()]
top = max(power.max() for _, _, power in spectrograms)

# sphinx_gallery_thumbnail_number = 1
fig = plt.figure(figsize=(7.5, 8), layout="constrained")
axes = fig.subplots(3, 2, width_ratios=[1, 1.5], sharex="col", sharey="col")
for row, ((kind, i), (times, freqs, power)) in enumerate(
    zip(examples.items(), spectrograms, strict=True)
):
    x, tone = data.clips[i], data.labels[i] == 1
    if tone:
        title = f"{kind}: f₀ = {data.f0[i]:.0f} Hz, SNR {data.snr_db[i]:.0f} dB"
    else:
        cutoff = data.cutoff[i] / 1000
        title = f"{kind}: α = {data.alpha[i]:.2f}, cut-off {cutoff:.1f} kHz"
    colour = "C1" if tone else "C0"
    axes[row, 0].plot(1000 * data.time, x / np.abs(x).max(), lw=0.8, color=colour)
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
# The clean tone shows horizontal lines, its harmonics, far above a floor of noise,
# and a waveform that repeats every :math:`1/f_0`. In the noisy tone only the
# fundamental stands out of the floor, and the waveform barely repeats. The noise
# spreads its power over all frequencies, falling towards high frequencies, and its
# waveform never repeats. How regular the waveform is and how peaked the spectrum
# is: the two features of the next example measure exactly that, and the noisy tones
# are where they will fail.
#
# In practice
# -----------
# - To listen to a clip, write it to a WAV file, e.g. with
#   ``scipy.io.wavfile.write("tone.wav", fs, data.clips[0].astype(np.float32))``.
# - Real recordings add what this synthetic data leaves out: reverberation, changing
#   pitch, several sources at once.
