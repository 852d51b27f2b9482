/**
 * Where a transformers.js model lives on disk: `<root>/<modelId>/` with config.json,
 * tokenizer.json, tokenizer_config.json and onnx/model.onnx and/or onnx/model_quantized.onnx.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

export interface LocalModel {
  modelId: string;
  /** The folder that holds `<modelId>/` (what transformers.js calls localModelPath). */
  root: string;
  folder: string;
  hasQuantized: boolean;
  hasFull: boolean;
}

export function modelFolder(root: string, modelId: string): string {
  return path.join(root, ...modelId.split('/'));
}

/** The complete model under `root`, or undefined (a folder missing any required file does not count). */
export function findLocalModel(root: string, modelId: string): LocalModel | undefined {
  const folder = modelFolder(root, modelId);
  if (!REQUIRED_FILES.every((f) => existsSync(path.join(folder, f)))) return undefined;
  const hasQuantized = existsSync(path.join(folder, 'onnx', 'model_quantized.onnx'));
  const hasFull = existsSync(path.join(folder, 'onnx', 'model.onnx'));
  if (!hasQuantized && !hasFull) return undefined;
  return { modelId, root, folder, hasQuantized, hasFull };
}

/** What is missing from `<root>/<modelId>/`, for error messages. */
export function missingFiles(root: string, modelId: string): string[] {
  const folder = modelFolder(root, modelId);
  const missing: string[] = REQUIRED_FILES.filter((f) => !existsSync(path.join(folder, f)));
  const onnx = ['model_quantized.onnx', 'model.onnx'].map((f) => path.join(folder, 'onnx', f));
  if (!onnx.some((f) => existsSync(f))) missing.push('onnx/model_quantized.onnx (or onnx/model.onnx)');
  return missing;
}

/** Ids of complete models under `root`, at `owner/name` (hub layout) or `name` depth, sorted. */
export function listLocalModels(root: string): string[] {
  const ids: string[] = [];
  const subdirs = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
        .map((d) => d.name);
    } catch {
      return [];
    }
  };
  for (const first of subdirs(root)) {
    if (findLocalModel(root, first)) ids.push(first);
    for (const second of subdirs(path.join(root, first))) {
      if (second !== 'onnx' && findLocalModel(root, `${first}/${second}`)) ids.push(`${first}/${second}`);
    }
  }
  return ids.sort();
}
