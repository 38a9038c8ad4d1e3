/**
 * The sentence model: bge-small-zh-v1.5 (int8 ONNX, from the classpath) run by ONNX Runtime with a WordPiece
 * tokenizer, turning text into unit-length meaning vectors; whether it is available ({@link
 * shopkb.semantic.MeaningModel}); recent messages' vectors, one bound for the process and apart per shop ({@link
 * shopkb.semantic.MessageVectors}). ONNX Runtime's native libraries are loaded from the user's cache folder, written
 * there once (NativeLibraryCache), not extracted to the temporary folder at every start.
 */
package shopkb.semantic;
