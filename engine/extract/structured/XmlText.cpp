// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/structured/XmlText.h"

#include "extract/structured/XmlScanner.h"

namespace bi::extract::structured {

void extractXml(std::string_view text, ExtractionResult& result) {
    XmlScanner scanner(text);
    std::string& content = result.ownContent();
    scanner.scan(content);
    result.metadata.set("root_element", scanner.rootElement());
    result.metadata.set("element_count", scanner.elementCount());
    result.metadata.set("attribute_count", scanner.attributeCount());
    result.metadata.set("max_depth", scanner.maxDepth());
}

} // namespace bi::extract::structured
