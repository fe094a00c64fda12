using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

/// <summary>A name headed by "Reservoir", "Brook", "Mount" … is a place.</summary>
public class PlaceHeadsTests
{
    [Theory]
    [InlineData("Lincoln Reservoir", EntityCategories.Organization, EntityCategories.Location)]
    [InlineData("Willett Brook", EntityCategories.Person, EntityCategories.Location)]
    [InlineData("Mount Vernon Estate", EntityCategories.Organization, EntityCategories.Location)]
    [InlineData("Lake Geneva", EntityCategories.Person, EntityCategories.Location)]
    [InlineData("River Cats", EntityCategories.Organization, EntityCategories.Organization)]
    [InlineData("Lake", EntityCategories.Person, EntityCategories.Person)] // one word: a surname
    [InlineData("Brook Farms Inc", EntityCategories.Organization, EntityCategories.Organization)]
    [InlineData("Victoria Lake", EntityCategories.Event, EntityCategories.Event)] // only Person and Organization are retyped
    public void A_water_or_landform_head_makes_a_place(string name, string category, string expected)
    {
        var mention = new EntityMention { Text = name, Category = category, Offset = 0, Length = name.Length, Confidence = 0.9 };

        var result = PlaceHeads.Apply([mention]);

        Assert.Equal(expected, Assert.Single(result).Category);
    }
}
