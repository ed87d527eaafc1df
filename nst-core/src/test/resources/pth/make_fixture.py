"""Writes the PyTorch fixtures of TorchCheckpointTest with real PyTorch (Debian's python3-torch).

    /usr/bin/python3 make_fixture.py    # in this folder

state_dict.pth         torch.save of a state dict (zip format, PyTorch >= 1.6)
state_dict_legacy.pth  the same dict in the legacy format (_use_new_zipfile_serialization=False),
                       the format of torchvision's vgg19-dcbb9e9d.pth, as a plain dict
state_dict_2017.pth    the same, with tensors pickled as PyTorch 0.1.10 to 0.3 did (as in 2017's
                       vgg19-dcbb9e9d.pth): torch._utils._rebuild_tensor(storage, offset, size, stride)
expected.json          every tensor's dtype, shape and values (C order), from the same tensors
evil_os_system.pth     a zip like state_dict.pth whose data.pkl would call os.system (protocol 2)
evil_eval.pth          the same calling builtins.eval through STACK_GLOBAL (protocol 4)
whole_module.pth       torch.save of a module rather than of its state dict

The evil pickles are made with pickle.dumps and never loaded. Run it only to change the fixtures.
"""
import collections
import io
import json
import os
import pickle
import zipfile

import types

import torch

MARKER = "/tmp/nst4j-pwned-by-pickle"


def state_dict():
    torch.manual_seed(26)
    base = torch.randn(3, 4)
    counts = torch.arange(10, dtype=torch.float32)
    tensors = collections.OrderedDict()
    tensors["f32_4d"] = torch.randn(2, 3, 2, 2)
    tensors["f64_1d"] = torch.randn(5, dtype=torch.float64)
    # Half precision with its edge cases: negative zero, the smallest subnormal, the largest value.
    tensors["f16"] = torch.tensor([[1.5, -0.0, 2.0**-24], [65504.0, -2.25, 0.1]], dtype=torch.float16)
    tensors["bf16"] = torch.randn(4).to(torch.bfloat16)
    tensors["i64"] = torch.tensor([0, -1, 2**40 + 3, -(2**62)], dtype=torch.int64)
    tensors["i32"] = torch.tensor([[7, -8], [2**31 - 1, -(2**31)]], dtype=torch.int32)
    tensors["i16"] = torch.tensor([-32768, 32767], dtype=torch.int16)
    tensors["i8"] = torch.tensor([-128, 127], dtype=torch.int8)
    tensors["u8"] = torch.tensor([0, 255], dtype=torch.uint8)
    tensors["bool"] = torch.tensor([True, False, True])
    tensors["empty"] = torch.zeros(0, 3)
    tensors["scalar"] = torch.tensor(3.25)
    # Two tensors on one storage: the matrix and its transpose (strides (1, 4), not contiguous).
    tensors["base"] = base
    tensors["transposed"] = base.t()
    # A strided view with an offset into a storage of ten: elements 1, 4, 7.
    tensors["every_third"] = counts[1::3]
    # A parameter, as torch.save(model.named_parameters()) and some checkpoints hold them.
    tensors["parameter"] = torch.nn.Parameter(torch.randn(2, 2))
    # The attribute state_dict() sets, which pickle writes as the OrderedDict's state (BUILD).
    tensors._metadata = collections.OrderedDict({"": {"version": 1}})
    return tensors


def expected(tensors):
    return {name: {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape),
                   "values": t.detach().double().flatten().tolist() if t.is_floating_point()
                   else t.flatten().tolist()}
            for name, t in tensors.items()}


class Pickler2017(pickle.Pickler):
    """Pickles tensors as PyTorch before 0.4 did; the rest, storages included, as torch.save does."""

    def reducer_override(self, obj):
        if isinstance(obj, torch.Tensor):
            return torch._utils._rebuild_tensor, (obj.storage(), obj.storage_offset(), tuple(obj.size()),
                                                  obj.stride())
        return NotImplemented


class Evil:
    def __init__(self, call):
        self.call = call

    def __reduce__(self):
        return self.call, ("touch " + MARKER,)


def evil_zip(path, payload):
    """A zip laid out as torch.save writes it, around a hostile data.pkl."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        # Fixed dates, as torch.save writes them, so that running this script again changes nothing.
        archive.writestr(zipfile.ZipInfo("evil/data.pkl", (1980, 1, 1, 0, 0, 0)), payload)
        archive.writestr(zipfile.ZipInfo("evil/version", (1980, 1, 1, 0, 0, 0)), "3\n")


def main():
    tensors = state_dict()
    torch.save(tensors, "state_dict.pth")
    # A plain dict here, an OrderedDict above: torch.save writes both.
    torch.save(dict(tensors), "state_dict_legacy.pth", _use_new_zipfile_serialization=False)
    torch.save(dict(tensors), "state_dict_2017.pth", _use_new_zipfile_serialization=False,
               pickle_module=types.SimpleNamespace(__name__="pickle2017", Pickler=Pickler2017, dump=pickle.dump))
    assert all(torch.equal(a, b) for a, b in zip(tensors.values(), torch.load("state_dict_2017.pth").values()))
    with open("expected.json", "w") as out:
        lines = ["%s: %s" % (json.dumps(name), json.dumps(value)) for name, value in expected(tensors).items()]
        out.write("{\n" + ",\n".join(lines) + "\n}\n")
    evil_zip("evil_os_system.pth", pickle.dumps(Evil(os.system), protocol=2))
    evil_zip("evil_eval.pth", pickle.dumps(Evil(eval), protocol=4))
    torch.save(torch.nn.Linear(2, 1), "whole_module.pth")


if __name__ == "__main__":
    main()
