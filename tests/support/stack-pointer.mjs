// A copy of a built wasm with its stack pointer exported as `__test_stack_pointer`, for tests
// that check no JavaScript exception unwound through wasm frames (which skips the epilogue that
// restores the pointer: each such exception leaks stack until the module dies).
import { readFileSync } from 'node:fs';
import binaryen from 'binaryen';

/** The bytes of the wasm at `path`, its one mutable i32 global (rustc's __stack_pointer) exported. */
export function exportStackPointer(path) {
  const mod = binaryen.readBinary(readFileSync(path));
  try {
    // The features scripts/build.sh gives wasm-opt: more would change the encoding.
    const F = binaryen.Features;
    mod.setFeatures(
      F.BulkMemory | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue,
    );
    const mutable = [];
    for (let i = 0; i < mod.getNumGlobals(); i++) {
      const info = binaryen.getGlobalInfo(mod.getGlobalByIndex(i));
      if (info.mutable && info.type === binaryen.i32) mutable.push(info.name);
    }
    if (mutable.length !== 1) throw new Error(`expected one mutable i32 global (the stack pointer), found ${mutable}`);
    mod.addGlobalExport(mutable[0], '__test_stack_pointer');
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}
