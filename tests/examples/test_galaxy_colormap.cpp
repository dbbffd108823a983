// The galaxy's black-body colormap against glumpy's: tests/golden/glumpy-black-body.csv
// holds the colours glumpy's own code (galaxy.py's loop over galaxy_specrend) gives at 21
// of its 256 entries, written by tests/tools/glumpy_black_body.py.
#include "Colormap.hpp"

#include "../TestUtil.hpp"

#include <glumpp/Error.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Entry {
    std::size_t index;
    double kelvin, r, g, b;
};

std::vector<Entry> glumpy_entries() {
    std::ifstream in(GLUMPP_GLUMPY_BLACK_BODY);
    std::vector<Entry> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("entry", 0) == 0) continue;
        std::istringstream row(line);
        Entry e{};
        char comma = 0;
        row >> e.index >> comma >> e.kelvin >> comma >> e.r >> comma >> e.g >> comma >> e.b;
        if (row.fail()) ADD_FAILURE() << "unreadable row: " << line;
        out.push_back(e);
    }
    return out;
}

// The CSV has 6 decimals; our colours are float (6e-8 relative).
constexpr double tolerance = 2e-6;

} // namespace

TEST(GalaxyColormap, BlackBodyIsGlumpysAtEachTemperature) {
    const auto entries = glumpy_entries();
    ASSERT_EQ(entries.size(), 21u);
    for (const Entry& e : entries) {
        const glm::vec3 c = black_body(e.kelvin);
        EXPECT_NEAR(c.r, e.r, tolerance) << e.kelvin << " K";
        EXPECT_NEAR(c.g, e.g, tolerance) << e.kelvin << " K";
        EXPECT_NEAR(c.b, e.b, tolerance) << e.kelvin << " K";
    }
}

TEST(GalaxyColormap, TableIsGlumpysEntryByEntry) {
    const glumpp::Array map = black_body_colormap();
    ASSERT_EQ(map.shape(), (std::vector<std::size_t>{256, 3}));
    const auto rgb = map.as<float>();
    for (const Entry& e : glumpy_entries()) {
        EXPECT_NEAR(rgb(e.index, 0), e.r, tolerance) << "entry " << e.index;
        EXPECT_NEAR(rgb(e.index, 1), e.g, tolerance) << "entry " << e.index;
        EXPECT_NEAR(rgb(e.index, 2), e.b, tolerance) << "entry " << e.index;
    }
}

TEST(GalaxyColormap, BadInputIsRefusedByName) {
    using glumpp::test::message_of;
    EXPECT_EQ(message_of<glumpp::ValueError>([] { black_body(0); }),
              "black_body: the temperature must be finite and > 0 K, not 0.000000");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { black_body_colormap(1000, 10000, 0); }),
              "black_body_colormap: needs 0 < coldest < hottest and entries >= 1, not coldest 1000.000000, "
              "hottest 10000.000000, entries 0");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { black_body_colormap(5000, 4000); }),
              "black_body_colormap: needs 0 < coldest < hottest and entries >= 1, not coldest 5000.000000, "
              "hottest 4000.000000, entries 256");
}
