using System.Diagnostics.CodeAnalysis;

// Trimming and NativeAOT: why the engine's expression-building internals are safe, type by type. The proof is the
// NativeAOT publish of tests/Segmentation.AotSmoke (tests/Segmentation.Aot.Tests), whose output must equal the JIT run.
//
// Each suppression is written twice: "~T:" for the compiler's analyzers, "T:" for the trimmer and ILCompiler.
//
// NetworkCompiler and FusedScanCompiler build expression trees that are compiled to IL. They run only when expressions
// are compiled (LambdaCompiler.Interpret is false), which SegmentEngineOptions.PreferInterpretation's default
// (!RuntimeFeature.IsDynamicCodeCompiled) rules out under NativeAOT. The members they name are fields of the engine's own
// Frame<TProfile> and Accumulator (kept by ILLink.Descriptors.xml) and members of DateTime, DateTimeOffset, Nullable<T>
// and IEnumerable<T>.
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.NetworkCompiler.ChunkCompiler`1",
    Justification = "Compiled-expression path only; named members are the engine's own fields (preserved by descriptor) and BCL date/nullable members.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.NetworkCompiler.ChunkCompiler`1",
    Justification = "Compiled-expression path only; named members are the engine's own fields (preserved by descriptor) and BCL date/nullable members.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.NetworkCompiler.ChunkCompiler`1",
    Justification = "Compiled-expression path only, never taken where dynamic code is not compiled; Nullable<T>.GetValueOrDefault is not generic.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.NetworkCompiler.ChunkCompiler`1",
    Justification = "Compiled-expression path only, never taken where dynamic code is not compiled; Nullable<T>.GetValueOrDefault is not generic.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.FusedScanCompiler",
    Justification = "Compiled-expression path only; named members are the engine's own fields (preserved by descriptor) and BCL date members.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.FusedScanCompiler",
    Justification = "Compiled-expression path only; named members are the engine's own fields (preserved by descriptor) and BCL date members.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.FusedScanCompiler",
    Justification = "Compiled-expression path only (List<T>/IEnumerator<T> over the item type), never taken where dynamic code is not compiled.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.FusedScanCompiler",
    Justification = "Compiled-expression path only (List<T>/IEnumerator<T> over the item type), never taken where dynamic code is not compiled.")]

// CollectionLoop, part of FusedScanCompiler's loops, reads the collection type's public GetEnumerator, MoveNext, Current,
// Dispose, Count and indexer by reflection: a member the trimmer removed reads as null and the loop takes the
// IEnumerable<T> path instead.
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only; named members are public members of the collection's own type.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2075", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only; a trimmed enumerator member reads as null and the IEnumerable<T> path is taken.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2070", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only; a trimmed enumerator member reads as null and the IEnumerable<T> path is taken.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only (arrays and List<T>/IEnumerable<T> of the item type), never taken where dynamic code is not compiled.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only; named members are public members of the collection's own type.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2075", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only; a trimmed enumerator member reads as null and the IEnumerable<T> path is taken.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2070", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only; a trimmed enumerator member reads as null and the IEnumerable<T> path is taken.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.CollectionLoop",
    Justification = "Compiled-expression path only (arrays and List<T>/IEnumerable<T> of the item type), never taken where dynamic code is not compiled.")]

[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.EmittedMethods",
    Justification = "Compiled-expression path only, never taken where dynamic code is not compiled; the lambdas it emits are the compilers' above.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "~T:Segmentation.Core.Engine.Network.EmittedMethods",
    Justification = "Compiled-expression path only, never taken where dynamic code is not compiled.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.EmittedMethods",
    Justification = "Compiled-expression path only, never taken where dynamic code is not compiled; the lambdas it emits are the compilers' above.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "T:Segmentation.Core.Engine.Network.EmittedMethods",
    Justification = "Compiled-expression path only, never taken where dynamic code is not compiled.")]

// CalendarDates turns a user's date accessor (DateTime, DateTime?, DateTimeOffset, DateTimeOffset?, DateOnly) into a
// DateTime? in both modes. The members it names (HasValue, Value, UtcDateTime, DateOnly.ToDateTime) belong to those
// BCL types and are preserved by ILLink.Descriptors.xml; DateOnly.ToDateTime is not generic.
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "~T:Segmentation.Core.Semantics.CalendarDates",
    Justification = "Named members are BCL date and nullable members preserved by ILLink.Descriptors.xml.")]
[assembly: UnconditionalSuppressMessage("Trimming", "IL2026", Scope = "type", Target = "T:Segmentation.Core.Semantics.CalendarDates",
    Justification = "Named members are BCL date and nullable members preserved by ILLink.Descriptors.xml.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "~T:Segmentation.Core.Semantics.CalendarDates",
    Justification = "The named method (DateOnly.ToDateTime) is not generic.")]
[assembly: UnconditionalSuppressMessage("AOT", "IL3050", Scope = "type", Target = "T:Segmentation.Core.Semantics.CalendarDates",
    Justification = "The named method (DateOnly.ToDateTime) is not generic.")]
