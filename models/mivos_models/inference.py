"""Reference propagation through a clip with the stage methods (eager modules or loaded TorchScript files).

This mirrors what the Java engine does with the same stages: a memory of (key, value) frames, top-k read, soft
aggregation. It is used for validation during training and by evaluate_sample.py.
"""
import torch


def others_of(prob):
    """prob [N,1,H,W] -> sum of the other objects' probabilities, clipped to 1."""
    return (prob.sum(0, keepdim=True) - prob).clamp(0, 1)


class MemoryPropagator:
    """Keeps per-frame keys and object probabilities; values are encoded from them on demand.

    ``memory_every``: besides the interacted frames and the previous frame, every k-th propagated frame is kept.
    """

    def __init__(self, prop, top_k=50, memory_every=5, max_memory=8):
        self.prop = prop
        self.top_k = torch.tensor(int(top_k))
        self.memory_every = memory_every
        self.max_memory = max_memory
        self.cache = {}

    def features(self, frames, t):
        if t not in self.cache:
            self.cache[t] = self.prop.encode_key(frames[t:t + 1])
        return self.cache[t]

    def value(self, frames, t, prob):
        f = self.features(frames, t)
        return self.prop.encode_value(frames[t:t + 1], f[1], prob, others_of(prob))

    def run(self, frames, start, start_prob, order, fixed=None, preload=None):
        """Propagate ``start_prob`` [N,1,H,W] at frame ``start`` to the frames listed in ``order``.

        ``fixed``: {frame: prob [N,1,H,W]} frames whose masks are given (they enter the memory as they are).
        ``preload``: {frame: prob [N,1,H,W]} extra memory frames (earlier interactions).
        Returns {frame: prob [N,1,H,W]} (object probabilities after soft aggregation, background dropped).
        """
        fixed = dict(fixed or {})
        fixed[start] = start_prob
        probs = dict(preload or {})
        probs[start] = start_prob
        memory = sorted(probs)
        values = {}
        prev = start
        with torch.no_grad():
            for i, t in enumerate(order):
                if t in fixed:
                    probs[t] = fixed[t]
                else:
                    mem = sorted(set(memory + [prev]))
                    keys = torch.stack([self.features(frames, m)[0] for m in mem], 2)
                    for m in mem:
                        if m not in values:
                            values[m] = self.value(frames, m, probs[m])
                    values_now = torch.stack([values[m] for m in mem], 2)
                    key, f16, f8, f4 = self.features(frames, t)
                    logits = self.prop.segment(key, f16, f8, f4, keys, values_now, self.top_k)
                    probs[t] = self.prop.aggregate(logits)[1:]
                if t in fixed or (i + 1) % self.memory_every == 0:
                    memory.append(t)
                    if len(memory) > self.max_memory:
                        memory.pop(1)  # keep the first frame
                prev = t
        return probs
