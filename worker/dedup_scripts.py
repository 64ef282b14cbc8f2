"""The Lua scripts of the near-duplicate index (`worker.dedup`), kept apart from its logic as data.

Redis runs each script whole, so a lookup reads every band bucket in one round trip and an insert writes
the record, the day's count and width, and every bucket at once. `worker.publish` embeds `INDEX_LUA`,
`BANDS_READ_LUA` and `LOOKUP_FUNCTION_LUA` in its check-and-publish scripts.
"""

from __future__ import annotations

# A band's field in its bucket: this many hex digits of the band's hash (`dedup.NearFingerprint`).
FIELD_CHARS = 6

# One command instead of one per band: redis-py spends more time packing and parsing hundreds of small
# commands than Redis spends running them, and more packing a hundred small arguments than one long
# one, so every band's field travels in one string of FIELD_CHARS-character fields (`field(fields,
# j)` cuts the j-th out). `LOOKUP_LUA`'s KEYS: the article's record, then its band buckets, day after
# day (today first); ARGV: the fewest shared bands that make a candidate, the bands a day, then the
# buckets' fields packed in the keys' order. A candidate found under one band on two days counts
# once. The reply starts with the article's own cluster and duplicate_of ('' when it has no record)
# and the digest of today's fields (`BANDS_READ_LUA`).
BANDS_READ_LUA = f"""
local FIELD_CHARS = {FIELD_CHARS}
local function field(fields, j) return string.sub(fields, FIELD_CHARS * (j - 1) + 1, FIELD_CHARS * j) end
local function bands_read(first_key, last_key, fields)
  local values = {{}}
  for i = first_key, last_key do
    values[#values + 1] = redis.call('HGET', KEYS[i], field(fields, i - first_key + 1)) or ''
  end
  return redis.sha1hex(table.concat(values, ','))
end
"""
# `lookup(own, first_key, last_key, fields, min_shared, bands)`: KEYS[own] the article's record,
# KEYS[first_key..last_key] its band buckets, day after day (today first, `bands` a day), each with
# its field the (i - first_key + 1)-th of the packed `fields`. Returns the reply, and when it read
# the buckets, today's fields as read ('' for none: what `index` would read again).
LOOKUP_FUNCTION_LUA = """
local function lookup(own, first_key, last_key, fields, min_shared, bands)
  local record = redis.call('GET', KEYS[own])
  if record then
    local cluster, dup = string.match(record, '^([^|]*)|([^|]*)|')
    if cluster then
      local digest = bands_read(first_key, first_key + bands - 1, fields)
      return {cluster, dup == '1' and cluster or '', digest}, nil
    end
  end
  local seen, shared, found, today = {}, {}, {'', '', ''}, {}
  for i = first_key, last_key do
    local ids = redis.call('HGET', KEYS[i], field(fields, i - first_key + 1))
    if i < first_key + bands then today[#today + 1] = ids or '' end  -- what bands_read would read
    if ids then
      local band = (i - first_key) % bands
      for member in string.gmatch(ids, '[^,]+') do
        local mark = member .. ':' .. band
        if not seen[mark] then
          seen[mark] = true
          shared[member] = (shared[member] or 0) + 1
        end
      end
    end
  end
  found[3] = redis.sha1hex(table.concat(today, ','))
  for member, count in pairs(shared) do
    if count >= min_shared then found[#found + 1] = member; found[#found + 1] = count end
  end
  return found, today
end
"""
LOOKUP_LUA = (
    BANDS_READ_LUA
    + LOOKUP_FUNCTION_LUA
    + "return (lookup(1, 2, #KEYS, ARGV[3], tonumber(ARGV[1]), tonumber(ARGV[2])))\n"
)
# `index(first_key, first_arg, last_key, fields)`: KEYS from `first_key`: the article's record, the
# day's count, the day's width, then the article's band buckets up to `last_key`, each with its field
# in the packed `fields` (today's band fields first). ARGV from `first_arg`: the record, the short id,
# when the day's keys expire (unix seconds), when its count expires, the width to record ('' when it
# is already recorded), then today's band fields packed (what `fields` is, or begins with). `known`
# (optional): the buckets' fields as the same script's `lookup` read them ('' for none), not read
# again. The expiry is the day's, the same at every insert: buckets expire whole, never renewed by a
# later article. So a key this script finds already there holds its day's expiry (every key here is
# made by this function, which sets it in the same script): one EXISTS over the buckets stands for
# an EXPIREAT each when all are there (most articles but a day's first), and the count's expiry is
# set when its INCR makes it.
INDEX_LUA = """
local function index(first_key, first_arg, last_key, fields, known)
  local record, id, expires_at = ARGV[first_arg], ARGV[first_arg + 1], ARGV[first_arg + 2]
  redis.call('SET', KEYS[first_key], record, 'EXAT', expires_at)
  if redis.call('INCR', KEYS[first_key + 1]) == 1 then
    redis.call('EXPIREAT', KEYS[first_key + 1], ARGV[first_arg + 3])
  end
  if ARGV[first_arg + 4] ~= '' then
    redis.call('SET', KEYS[first_key + 2], ARGV[first_arg + 4], 'NX', 'EXAT', expires_at)
  end
  local buckets = last_key - (first_key + 3) + 1
  local all_there = buckets > 0
    and redis.call('EXISTS', unpack(KEYS, first_key + 3, last_key)) == buckets
  for i = first_key + 3, last_key do
    local band_field = field(fields, i - (first_key + 3) + 1)
    local ids
    if known then ids = known[i - (first_key + 3) + 1] else ids = redis.call('HGET', KEYS[i], band_field) end
    if not ids or ids == '' then
      redis.call('HSET', KEYS[i], band_field, id)
    elseif not string.find(',' .. ids .. ',', ',' .. id .. ',', 1, true) then
      redis.call('HSET', KEYS[i], band_field, ids .. ',' .. id)
    end
    if not all_there then redis.call('EXPIREAT', KEYS[i], expires_at) end
  end
end
"""
