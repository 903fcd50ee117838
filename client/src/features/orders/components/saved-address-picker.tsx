import { useEffect, useMemo, useRef } from "react";
import type { SavedAddress } from "@shared/contracts/accounts";
import type { ShippingAddress } from "@shared/contracts/orders";
import { useAddresses } from "@client/features/account/api/account";

/** A signed-in shopper's saved addresses: picking one fills the address fields (the default is filled at once). */
export function SavedAddressPicker({ onPick }: { onPick: (address: ShippingAddress) => void }) {
  const addresses = useAddresses();
  const filled = useRef(false);
  const list = useMemo(() => addresses.data ?? [], [addresses.data]);
  const toAddress = ({ id: _id, isDefault: _d, createdAt: _c, ...address }: SavedAddress): ShippingAddress => address;
  useEffect(() => {
    const preferred = list.find((a) => a.isDefault);
    if (filled.current || !preferred) return;
    filled.current = true;
    onPick(toAddress(preferred));
  }, [list, onPick]);
  if (list.length === 0) return null;
  return (
    <div className="clear-both mb-4">
      <label htmlFor="saved-address" className="block text-sm font-medium text-stone-800">
        Saved addresses
      </label>
      <select
        id="saved-address"
        className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm"
        defaultValue={list.find((a) => a.isDefault)?.id}
        onChange={(e) => {
          const picked = list.find((a) => a.id === e.target.value);
          if (picked) onPick(toAddress(picked));
        }}
      >
        {list.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}, {a.line1}, {a.city}
            {a.isDefault ? " (default)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
