# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Run full-batch gradient descent on a Dask cluster
=================================================

When the training data no longer fit on one machine, they can stay spread over
the machines of a cluster, each holding some columns of :math:`X`. Full-batch
gradient descent needs only sums over the samples, equations :eq:`eq-dw`,
:eq:`eq-db` and :eq:`eq-cost`, and a sum splits into one partial sum per chunk of
columns: each machine computes its partial sums where its data lie, and only
:math:`N + 2` numbers per chunk travel. This example runs the course's loop that
way on a chunked ``dask.array`` and a Dask ``LocalCluster`` of two workers on this
machine, and compares the result with :func:`binary_logreg.gradient_descent`.
"""

# %%
# Start a cluster and spread the data over it
# -------------------------------------------
# ``LocalCluster`` starts a scheduler and two workers here. The workers are
# threads of this process (``processes=False``) and the dashboard is off, so the
# example needs no network and no free port. ``persist`` loads the chunks onto the
# workers, where they stay for the whole run.

import time

import dask.array as da
import matplotlib.pyplot as plt
import numpy as np
from dask.distributed import Client, LocalCluster

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
n_features, n_samples = X.shape
w_init, b_init = bl.initial_parameters(n_features, random_state=1)
b_init = float(b_init.item())
step_size, steps = 0.25, 60

cluster = LocalCluster(
    n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
)
client = Client(cluster)
chunk = -(-n_samples // 4)  # four chunks of columns, two per worker
X_chunks = da.from_array(X, chunks=(n_features, chunk)).persist()
Y_chunks = da.from_array(Y, chunks=(1, chunk)).persist()
print(f"X: {X_chunks.numblocks[1]} chunks of up to {chunk} samples on 2 workers")

# %%
# Compute the step's sums chunk by chunk
# --------------------------------------
# On one chunk of :math:`M_k` samples, the package's own functions give the
# chunk's cost and gradient, means over the chunk; times :math:`M_k` they are the
# chunk's share of the sums. ``map_blocks`` runs this on every chunk, on the worker
# that holds it, and returns one column of :math:`N + 2` numbers per chunk.


def chunk_sums(X_k, Y_k, w, b):
    """M_k times the cost, dw and db of one chunk, as one column (N + 2, 1)."""
    A_k = bl.forward(w, b, X_k)  # forward propagation (eq-forward)
    dw_k, db_k = bl.backward(X_k, Y_k, A_k)  # backward propagation (eq-dw, eq-db)
    cost_k = bl.cost(Y_k, A_k)  # the cost (eq-cost)
    return X_k.shape[1] * np.vstack([dw_k, [[db_k], [cost_k]]])


# %%
# Run the loop
# ------------
# Every step adds the chunks' columns on the cluster, brings the :math:`N + 2`
# sums back, divides by :math:`M` and updates :math:`w` and :math:`b` here: the
# loop of :doc:`/gradient_descent`, with the sums over the samples made where the
# samples are.

w, b, costs = w_init, b_init, []
start = time.perf_counter()
for _ in range(steps):
    sums = da.map_blocks(
        chunk_sums,
        X_chunks,
        Y_chunks,
        w=w,
        b=b,
        chunks=((n_features + 2,), (1,) * X_chunks.numblocks[1]),
        dtype=np.float64,
    ).sum(axis=1)
    total = sums.compute() / n_samples  # dw (N values), db, the cost
    dw, db, cost = total[:n_features, None], total[n_features], total[n_features + 1]
    costs.append(cost)
    w = w - step_size * dw  # the update (eq-update)
    b = b - step_size * db
seconds = time.perf_counter() - start
client.close()
cluster.close()

ours = bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=steps)
print(f"{steps} steps on the cluster: {seconds:.2f} s")
print(f"largest difference in the weights: {np.abs(w - ours.w).max():.1e}")
print(f"difference in the bias:            {abs(b - ours.b):.1e}")
print(f"largest difference in the costs:   {np.abs(costs - ours.costs).max():.1e}")
assert np.abs(w - ours.w).max() <= 1e-10 and abs(b - ours.b) <= 1e-10

# %%
# The two runs make the same updates: the chunks only change the order in which
# the sums are added, which moves the last bits of the numbers and nothing else.

fig, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
ax.plot(ours.costs, color="C0", lw=3, label="binary_logreg.gradient_descent")
ax.plot(
    costs,
    color="C1",
    ls="--",
    marker="o",
    markevery=6,
    lw=1.5,
    label="the same loop on a Dask cluster of two workers",
)
ax.set_xlabel("gradient-descent step")
ax.set_ylabel(r"training cost $J$")
ax.set_title("One learning curve, computed on one machine and on a cluster")
ax.legend()
plt.show()

# %%
# In practice
# -----------
# - **On a real cluster** only the first lines change: instead of starting a
#   ``LocalCluster``, connect to the scheduler that runs on the cluster,
#   ``client = Client("tcp://scheduler-host:8786")`` (its address), and read the
#   chunks where they are stored (e.g. with ``dask.array.from_zarr``) rather than
#   from an array in this process. The loop stays as it is.
# - **Each step is one round trip** to the workers. On this small data set that
#   costs more than the arithmetic: the loop on one machine is far faster. A
#   cluster pays off when the data do not fit on one machine, or one pass over them
#   takes much longer than the round trip.
# - **Fewer round trips:** mini-batches (:doc:`/minibatch`) make one update per
#   batch instead of per pass; scikit-learn's ``SGDClassifier.partial_fit`` and
#   :meth:`binary_logreg.LogisticRegressionGD.partial_fit` train from chunks that
#   arrive one at a time.
