namespace Segmentation.NRules.Facts;

/// <summary>A fact whose state a reactivated rule overwrites in place, so NRules keeps its identity.</summary>
internal interface ICopyable
{
    void CopyFrom(object source);
}
