// main.cpp: the doctest runner. Suites: unit, properties, jsontestsuite, truncation.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
