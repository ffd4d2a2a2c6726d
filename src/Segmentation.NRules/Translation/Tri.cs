namespace Segmentation.NRules.Translation;

/// <summary>A three-valued outcome.</summary>
internal enum Tri : byte
{
    False,
    True,
    Fault,
}
